"""`villagedesk sync enroll --file`, `sync export-bundle --out DIR`, `sync import-ack FILE`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from villagedesk.i18n import tr


def register_usb(ssub: Any, common: Any) -> None:
    q = ssub.add_parser("export-bundle", help="write everything not yet acknowledged to a USB bundle")
    common(q)
    q.add_argument("--out", required=True, help="folder on the USB stick")
    q.set_defaults(handler=_export)
    q = ssub.add_parser("import-ack", help="import the county's acknowledgement bundle (.vdack)")
    common(q)
    q.add_argument("file")
    q.set_defaults(handler=_import_ack)


def enroll_file(ctx: Any) -> int:
    from villagedesk.sync.enroll_file import enroll_from_file

    res = enroll_from_file(ctx.store, path=Path(ctx.args.file), force=ctx.args.force)
    ctx.out(res, tr("usb", "Enrolled as hall {code} ({name}) from the enrollment file. Export a bundle and take it to the township.").format(code=res["hall_code"], name=res["hall_name"]))
    return 0


def _export(ctx: Any) -> int:
    from villagedesk.sync.bundle_export import export_bundle

    res = export_bundle(ctx.store, out_dir=Path(ctx.args.out))
    ctx.out(res, tr("usb", "Wrote {operations} operations to {file}. Take the USB stick to the township.").format(**res))
    return 0


def _import_ack(ctx: Any) -> int:
    from villagedesk.sync.bundle_ack import import_ack

    res = import_ack(ctx.store, path=Path(ctx.args.file))
    if res["already_applied"]:
        text = tr("usb", "This acknowledgement was already imported; nothing changed.")
    else:
        text = tr("usb", "Acknowledged {acknowledged} operations, {rejected} rejected, {reference_changes} county updates applied; {pending} still waiting.").format(**res)
    ctx.out(res, text)
    return 0
