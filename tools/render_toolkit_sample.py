"""Render the receipts toolkit sample (A5 and 80 mm roll) to docs/ as PNG.

    python tools/render_toolkit_sample.py   # needs pdftoppm (poppler-utils)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from villagedesk.receipts import toolkit as tk  # noqa: E402

SAMPLE_KEY = b"sample hall secret"
NUMBER = "XG0203-01-2026-000123"


def sample_story(page: tk.PageSpec = tk.A5) -> list[tk.Flowable]:
    st = tk.styles(page)
    width = page.frame_width
    return [
        tk.para("花园村党员群众服务中心", st.title),
        tk.para("代办服务受理回执（工具包示例）", st.heading),
        tk.kv_table(
            [
                ("受理编号", tk.Fixed(NUMBER)),
                ("申请人", "王𠮷祥"),
                ("公示姓名", tk.mask_name("王𠮷祥")),
                ("身份证号", tk.mask_id("420902199001010069")),
                ("联系电话", "13800001234"),
                ("办理事项", "城乡居民养老保险参保登记（含待遇资格认证、信息变更等相关事项的一并办理）"),
                ("无字体的字", "张\ue000明"),
            ],
            page,
        ),
        tk.spacer(2),
        tk.data_table(
            ["材料", "状态", "证件号码"],
            [["居民身份证复印件", "已收", "420902199001010069"],
             ["户口簿", "缺", "4209021990010100691234"]],
            [width * 0.45, width * 0.15, width * 0.40],
            page=page,
        ),
        tk.spacer(2),
        tk.qr_flowable(NUMBER, SAMPLE_KEY, size_mm=22),
        tk.para(tk.qr_payload(NUMBER, SAMPLE_KEY), st.small),
    ]


def main() -> int:
    out = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        for page, name in ((tk.A5, "receipts-toolkit-sample"), (tk.ROLL80, "receipts-toolkit-sample-roll80")):
            pdf = Path(tmp) / f"{name}.pdf"
            result = tk.build_pdf(pdf, sample_story(page), page, reprint=tk.reprint_text("2026-12-05 10:30"))
            print(name, "missing:", result.missing_glyphs.code_points())
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(out / name)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
