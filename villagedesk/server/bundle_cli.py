"""``villagedesk-server bundles import``, ``township add-user`` and ``halls create
--enrollment-file`` (registered from server/cli.py)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from villagedesk.server import db
from villagedesk.server.settings import ServerSettings, utc_now


def _engine(args: argparse.Namespace) -> Any:
    engine = db.make_engine(args.db)
    db.migrate(engine)
    return engine


def write_file(path: Path, data: bytes) -> None:
    """Temporary name, fsync, rename: a half-written file never carries the real name."""
    tmp = path.with_name(f".{path.name}.part")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def halls_create_with_file(args: argparse.Namespace) -> int:
    from villagedesk.server.acks import ENROLL_VALID_DAYS, create_hall_with_file

    engine = _engine(args)
    try:
        with db.transaction(db.make_sessionmaker(engine)) as s:
            res, doc = create_hall_with_file(
                s, code=args.code, name=args.name, now=utc_now(),
                valid_days=args.valid_days if args.valid_days is not None else ENROLL_VALID_DAYS, server_url=args.server_url or "",
            )
            path = Path(args.enrollment_file)
            write_file(path, doc)  # inside the transaction: no file, no hall
    except OSError as exc:
        print(f"无法写入登记文件：{exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    data = {"code": res["code"], "enrollment_code": res["enrollment_code"], "enrollment_file": str(path), "device_id": res["device_id"], "expires_at": res["expires_at"]}
    print(json.dumps(data, ensure_ascii=False) if args.json else f"{res['code']} {res['name']}\n登记文件：{path}（有效期至 {res['expires_at'][:10]}）")
    return 0


def cmd_bundles_import(args: argparse.Namespace) -> int:
    from villagedesk.server.acks import ack_file_name, make_ack
    from villagedesk.server.bundles import import_bundle, retry_held

    settings = ServerSettings()
    engine = _engine(args)
    sessions = db.make_sessionmaker(engine)
    outcomes, acks = [], []
    try:
        retry_held(sessions, window=settings.window, now=utc_now())
        for name in args.files:
            try:
                data = Path(name).read_bytes()
            except OSError as exc:
                from villagedesk.server.bundles import BundleOutcome

                outcomes.append(BundleOutcome(file=name, status="rejected", code="unreadable", reason=f"无法读取文件：{exc.strerror or exc}"))
                continue
            outcomes.append(import_bundle(sessions, data, name=Path(name).name, window=settings.window, now=utc_now(), uploaded_by="cli"))
        halls = sorted({o.hall_id for o in outcomes if o.status != "rejected" and o.hall_id})
        if args.ack_out and halls:
            out_dir = Path(args.ack_out)
            out_dir.mkdir(parents=True, exist_ok=True)
            for hall_id in halls:
                with db.transaction(sessions) as s:
                    data, fields = make_ack(s, hall_id=hall_id, now=utc_now())
                    target = out_dir / ack_file_name(fields)
                    write_file(target, data)
                acks.append({"hall_code": fields["hall_code"], "file": str(target), "version": fields["version"], "changes": fields["changes"]})
    finally:
        engine.dispose()
    bundles = [o.as_json() for o in outcomes]
    if args.json:
        print(json.dumps({"bundles": bundles, "acks": acks}, ensure_ascii=False))
    else:
        labels = {"accepted": "已接收", "duplicate": "重复（已接收过）", "held": "暂存（待服务器升级）", "rejected": "拒收"}
        for o in outcomes:
            print(f"{o.file}\t{o.hall_code or '?'}\t{labels[o.status]}\t新增 {o.accepted}\t重复 {o.duplicates}\t拒收 {o.rejected}\t{o.reason}")
        for a in acks:
            print(f"回执：{a['hall_code']} → {a['file']}")
    return 1 if any(o.status == "rejected" for o in outcomes) else 0


def cmd_township_add_user(args: argparse.Namespace) -> int:
    from villagedesk.server.township_auth import add_user

    engine = _engine(args)
    try:
        with db.transaction(db.make_sessionmaker(engine)) as s:
            add_user(s, username=args.username, password=args.password, name=args.name, now=utc_now())
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(json.dumps({"username": args.username}) if args.json else f"乡镇账号已保存：{args.username}")
    return 0


def register(sub: Any) -> None:
    b = sub.add_parser("bundles", help="USB bundles from halls without a network").add_subparsers(dest="bundles_command", required=True)
    imp = b.add_parser("import", help="import .vdbundle files and write an acknowledgement per hall")
    imp.add_argument("files", nargs="+")
    imp.add_argument("--ack-out", help="folder for the acknowledgement bundles (.vdack)")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=cmd_bundles_import)
    t = sub.add_parser("township", help="township clerks who upload bundles").add_subparsers(dest="township_command", required=True)
    u = t.add_parser("add-user", help="create a township clerk account (or set its password)")
    u.add_argument("--username", required=True)
    u.add_argument("--password", required=True)
    u.add_argument("--name", default="")
    u.add_argument("--json", action="store_true")
    u.set_defaults(func=cmd_township_add_user)
