"""`villagedesk demo seed --residents N`: a realistic demo hall for trying things out."""

from __future__ import annotations

import time
from typing import Any

from villagedesk.i18n import tr
from villagedesk.services.demo import DEMO_ADMIN, DEMO_PASSWORD, seed_demo


def register(sub: Any, common: Any) -> None:
    p = sub.add_parser("demo", help="demo data")
    dsub = p.add_subparsers(dest="demo_command", required=True)
    q = dsub.add_parser("seed", help="set up a demo hall (if none) and add residents")
    common(q)
    q.add_argument("--residents", type=int, default=2000)
    q.add_argument("--seed", type=int, default=20261205)
    q.set_defaults(handler=_seed, needs_hall=False)


def _seed(ctx: Any) -> int:
    started = time.perf_counter()
    result = seed_demo(ctx.store, residents=ctx.args.residents, seed=ctx.args.seed)
    extra: dict[str, Any] = {}
    try:
        from villagedesk.services import demo_modules
    except ImportError:
        demo_modules = None  # type: ignore[assignment]
    if demo_modules is not None:
        extra = demo_modules.seed_modules(ctx.store)
    seconds = round(time.perf_counter() - started, 2)
    data = {"households": result.households, "residents": result.residents,
            "created_hall": result.created_hall, "seconds": seconds, **extra}
    if result.created_hall:
        data.update(admin=DEMO_ADMIN, password=DEMO_PASSWORD)
    ctx.out(data, tr("cli", "Demo data: {r} residents in {h} households ({s} s). Sign in as {a} / {p}.").format(
        r=result.residents, h=result.households, s=seconds, a=DEMO_ADMIN, p=DEMO_PASSWORD))
    return 0
