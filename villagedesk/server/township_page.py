"""HTML and script of the township upload page (plain Chinese, no outside assets)."""

from __future__ import annotations

import json
from html import escape

from villagedesk.i18n import tr

STYLE = """
body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:2em;font-size:17px;max-width:72em}
table{border-collapse:collapse;margin:.8em 0}td,th{border:1px solid #999;padding:.35em .7em;text-align:left}
th{background:#eee;white-space:nowrap}.num{text-align:right}.bad{color:#b00;font-weight:bold}.ok{color:#070}.held{color:#a60}
#drop{border:3px dashed #888;border-radius:8px;padding:2em;text-align:center;margin:1em 0;background:#fafafa}
#drop.over{background:#e8f4ff;border-color:#36c}button,.button{font-size:18px;padding:.4em 1.2em}
.step{margin:.4em 0}.topbar{float:right}label{display:block;margin:.5em 0}input{font-size:17px}
"""


def page(title: str, body: str, *, user: str = "") -> str:
    bar = ""
    if user:
        bar = (f'<div class="topbar">{escape(tr("usb", "Signed in as {user}").format(user=user))} · '
               f'<a href="/township/logout" id="logout">{escape(tr("usb", "Sign out"))}</a></div>')
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{STYLE}</style></head><body>{bar}<h1>{escape(title)}</h1>{body}</body></html>"
    )


def login_form(error: str = "", *, next_url: str = "/township/", title: str = "") -> str:
    """The sign-in form of the township and county pages; ``next_url`` is where it returns."""
    err = f'<p class="bad" id="error">{escape(error)}</p>' if error else ""
    return page(
        title or tr("usb", "Township: upload hall data"),
        f'{err}<form method="post" action="/township/login">'
        f'<input type="hidden" name="next" value="{escape(next_url)}">'
        f'<label>{escape(tr("usb", "User name"))} <input name="username" id="username" autofocus></label>'
        f'<label>{escape(tr("usb", "Password"))} <input name="password" id="password" type="password"></label>'
        f'<button type="submit" id="signin">{escape(tr("usb", "Sign in"))}</button></form>',
    )


def upload_page(user: str) -> str:
    words = {
        "accepted": tr("usb", "Accepted"), "duplicate": tr("usb", "Already received"),
        "held": tr("usb", "Kept until the server is upgraded"), "rejected": tr("usb", "Rejected"),
        "uploading": tr("usb", "Uploading…"), "failed": tr("usb", "Upload failed; try again."),
        "download": tr("usb", "Download the acknowledgement"), "nohall": tr("usb", "unknown"),
    }
    steps = [
        tr("usb", "1. Plug in the USB stick the hall brought."),
        tr("usb", "2. Drag the files ending in .vdbundle into the box below, or click \"Choose files\". Several at once are fine."),
        tr("usb", "3. Click \"Upload\" and read the result for each file."),
        tr("usb", "4. Download the acknowledgement for each hall and save it on the same USB stick. The hall imports it on its PC."),
    ]
    bundle_head = "".join(f"<th>{escape(t)}</th>" for t in (
        tr("usb", "File"), tr("usb", "Hall"), tr("usb", "Result"), tr("usb", "New"), tr("usb", "Duplicates"),
        tr("usb", "Rejected"), tr("usb", "Reason")))
    hall_head = "".join(f"<th>{escape(t)}</th>" for t in (
        tr("usb", "Hall"), tr("usb", "Bundles accepted"), tr("usb", "Duplicates"), tr("usb", "Rejected bundles"),
        tr("usb", "Acknowledgement")))
    body = (
        "".join(f'<p class="step">{escape(s)}</p>' for s in steps)
        + f'<div id="drop">{escape(tr("usb", "Drop bundle files here"))}<br><br>'
        f'<input type="file" id="files" multiple accept=".vdbundle"></div>'
        f'<button id="upload">{escape(tr("usb", "Upload"))}</button> <span id="progress"></span>'
        f'<h2>{escape(tr("usb", "Result per file"))}</h2><table id="bundles"><thead><tr>{bundle_head}</tr></thead><tbody></tbody></table>'
        f'<h2>{escape(tr("usb", "Result per hall"))}</h2><table id="halls"><thead><tr>{hall_head}</tr></thead><tbody></tbody></table>'
        f"<script>const WORDS = {json.dumps(words, ensure_ascii=False)};</script><script>{SCRIPT}</script>"
    )
    return page(tr("usb", "Township: upload hall data"), body, user=user)


SCRIPT = r"""
const drop = document.getElementById('drop'), input = document.getElementById('files');
let chosen = [];
drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); chosen = [...e.dataTransfer.files]; show(); });
input.addEventListener('change', () => { chosen = [...input.files]; show(); });
function show() { document.getElementById('progress').textContent = chosen.map(f => f.name).join('，'); }
function cell(row, text, cls) { const td = row.insertCell(); td.textContent = text; if (cls) td.className = cls; return td; }
const halls = {};
function addHall(o) {
  const code = o.hall_code || WORDS.nohall;
  const h = halls[code] || (halls[code] = {accepted: 0, duplicate: 0, rejected: 0, held: 0, trusted: false});
  h[o.status] += 1;
  if (o.status !== 'rejected' && o.hall_id) h.trusted = true;
  const body = document.querySelector('#halls tbody'); body.innerHTML = '';
  for (const [c, v] of Object.entries(halls)) {
    const r = body.insertRow(); r.dataset.hall = c;
    cell(r, c); cell(r, v.accepted + v.held, 'num accepted'); cell(r, v.duplicate, 'num duplicates');
    cell(r, v.rejected, v.rejected ? 'num rejected bad' : 'num rejected');
    const td = r.insertCell();
    if (v.trusted) { const a = document.createElement('a'); a.href = '/township/ack/' + encodeURIComponent(c);
      a.textContent = WORDS.download; a.className = 'ack'; a.setAttribute('download', ''); td.appendChild(a); }
  }
}
document.getElementById('upload').addEventListener('click', async () => {
  const files = chosen.length ? chosen : [...input.files];
  const body = document.querySelector('#bundles tbody');
  for (const f of files) {
    document.getElementById('progress').textContent = WORDS.uploading + ' ' + f.name;
    let o;
    try {
      const resp = await fetch('/township/upload?name=' + encodeURIComponent(f.name), {method: 'POST', body: f,
        headers: {'Content-Type': 'application/octet-stream'}});
      if (!resp.ok) throw new Error(resp.status);
      o = await resp.json();
    } catch (err) {
      o = {file: f.name, status: 'rejected', hall_code: '', accepted: 0, duplicates: 0, rejected: 0, reason: WORDS.failed};
    }
    const r = body.insertRow(); r.dataset.file = o.file; r.dataset.status = o.status;
    cell(r, o.file); cell(r, o.hall_code || WORDS.nohall);
    cell(r, WORDS[o.status], {rejected: 'bad status', held: 'held status'}[o.status] || 'ok status');
    cell(r, o.accepted, 'num'); cell(r, o.duplicates, 'num'); cell(r, o.rejected, 'num'); cell(r, o.reason || '', 'reason');
    addHall(o);
  }
  document.getElementById('progress').textContent = '';
  document.body.dataset.done = String(Number(document.body.dataset.done || 0) + files.length);
});
"""
