"""``villagedesk-server``: serve the API, manage halls, print statistics, publish reference data."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from villagedesk.server import db
from villagedesk.server.settings import utc_now


@contextmanager
def _engine(args: argparse.Namespace) -> Iterator[Engine]:
    engine = db.make_engine(args.db)
    try:
        db.migrate(engine)
        yield engine
    finally:
        engine.dispose()


def _out(args: argparse.Namespace, data: Any, text: str) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=None if args.json else 2) if args.json else text)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from villagedesk.server import logs

    url = db.database_url(args.db)
    engine = db.make_engine(url)
    db.migrate(engine)  # once, before the workers start
    engine.dispose()
    os.environ[db.ENV_DB] = url
    logs.configure(args.log_level)
    kwargs: dict[str, Any] = {
        "host": args.host, "port": args.port, "workers": args.workers, "factory": True,
        "log_config": logs.LOG_CONFIG, "proxy_headers": True,
        "forwarded_allow_ips": args.forwarded_allow_ips, "limit_concurrency": args.limit_concurrency,
        "timeout_keep_alive": 15,
    }
    if args.ssl_certfile:
        kwargs.update(ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile)
    uvicorn.run("villagedesk.server.app:app_from_env", **kwargs)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    with _engine(args):
        print("ok")
    return 0


def cmd_rotate_epoch(args: argparse.Namespace) -> int:
    with _engine(args) as engine:
        epoch = db.rotate_epoch(engine)
    _out(args, {"epoch": epoch}, epoch)
    return 0


def cmd_halls_create(args: argparse.Namespace) -> int:
    from villagedesk.server.halls import create_hall

    if args.enrollment_file:  # USB enrollment (issue 8)
        from villagedesk.server.bundle_cli import halls_create_with_file

        return halls_create_with_file(args)
    if args.valid_days is None:
        args.valid_days = 7
    with _engine(args) as engine, db.transaction(db.make_sessionmaker(engine)) as s:
        res = create_hall(s, code=args.code, name=args.name, now=utc_now(), valid_days=args.valid_days)
    data = {"code": res["code"], "enrollment_code": res["enrollment_code"]}
    _out(args, data, f"{res['code']} {res['name']}\nenrollment code: {res['enrollment_code']} (until {res['expires_at']})")
    return 0


def cmd_halls_list(args: argparse.Namespace) -> int:
    from villagedesk.server.halls import list_halls

    with _engine(args) as engine, db.make_sessionmaker(engine)() as s:
        halls = [asdict(h) for h in list_halls(s)]
    text = "\n".join(f"{h['code']}\t{h['name']}\tdevices={h['devices']}\tlast={h['last_contact']}" for h in halls)
    _out(args, {"halls": halls}, text or "(no halls)")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from villagedesk.server.halls import stats

    with _engine(args) as engine, db.make_sessionmaker(engine)() as s:
        data = stats(s, hall_code=args.hall)
    if args.hall and not data["halls"]:
        print(f"未知的服务中心代码：{args.hall}", file=sys.stderr)
        return 2
    _out(args, data, json.dumps(data, ensure_ascii=False, indent=2))
    return 0


def cmd_reference_publish(args: argparse.Namespace) -> int:
    from villagedesk.server.reference import PublishError, publish

    try:
        document = json.loads(Path(args.file).read_text(encoding="utf-8"))
        with _engine(args) as engine, db.transaction(db.make_sessionmaker(engine)) as s:
            counts = publish(s, document, now=utc_now())
    except (OSError, ValueError, PublishError) as exc:
        print(f"发布失败：{exc}", file=sys.stderr)
        return 2
    _out(args, counts, " ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="villagedesk-server", description="VillageDesk county server")
    p.add_argument("--db", help=f"database URL (default ${db.ENV_DB} or a SQLite file)")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="run the HTTP server")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8700)
    s.add_argument("--workers", type=int, default=1)
    s.add_argument("--ssl-certfile")
    s.add_argument("--ssl-keyfile")
    s.add_argument("--forwarded-allow-ips", default="127.0.0.1")
    s.add_argument("--limit-concurrency", type=int, default=200)
    s.add_argument("--log-level", default="info")
    s.set_defaults(func=cmd_serve)
    sub.add_parser("migrate", help="upgrade the database schema").set_defaults(func=cmd_migrate)
    r = sub.add_parser("rotate-epoch", help="after restoring a backup: make halls re-send")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_rotate_epoch)
    halls = sub.add_parser("halls").add_subparsers(dest="halls_command", required=True)
    c = halls.add_parser("create", help="create a hall (or re-issue) and print a one-time enrollment code")
    c.add_argument("--code", required=True)
    c.add_argument("--name", default="")
    c.add_argument("--valid-days", type=int, default=None, help="days the code works (7; 90 with --enrollment-file)")
    c.add_argument("--enrollment-file", help="write a signed enrollment file for a hall PC without a network")
    c.add_argument("--server-url", default="", help="with --enrollment-file: the server URL, should the hall get a network")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_halls_create)
    hl = halls.add_parser("list")
    hl.add_argument("--json", action="store_true")
    hl.set_defaults(func=cmd_halls_list)
    st = sub.add_parser("stats")
    st.add_argument("--hall")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_stats)
    ref = sub.add_parser("reference").add_subparsers(dest="ref_command", required=True)
    pub = ref.add_parser("publish", help="publish catalogue, products/prices, notices, staff or corrections")
    pub.add_argument("file")
    pub.add_argument("--json", action="store_true")
    pub.set_defaults(func=cmd_reference_publish)
    from villagedesk.server.bundle_cli import register as register_bundles

    register_bundles(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
