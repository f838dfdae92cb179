"""Comparison page and directory speed on the seeded bench database (bench/seed_large.py).

    .venv/bin/python bench/comparison_speed.py [--requests 300] [--seconds 10] [--no-gunicorn]

Prints, for the comparison page of 6 vendors: server time median / p95 through Django's test
Client, with a cold cache (every selection new) and a warm one, and the query count; directory
search p95 (as-you-type fragments, with and without filters); then throughput with 16 concurrent
connections under gunicorn for the comparison page and for a minimal one-query template page,
measured in the same run. Targets: compare median <= 30 ms, p95 <= 100 ms; search p95 <= 100 ms;
compare throughput >= half the minimal page's.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from policies.models import Vendor  # noqa: E402

HTMX = {"HTTP_HX_REQUEST": "true"}


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed(client: Client, url: str, params=None, **headers) -> float:
    t = time.perf_counter()
    response = client.get(url, params or {}, **headers)
    elapsed = (time.perf_counter() - t) * 1000
    assert response.status_code == 200, (url, params, response.status_code)
    return elapsed


def report(label: str, ms: list[float], target: str = "") -> None:
    print(
        f"  {label:<44} median {statistics.median(ms):6.1f} ms   p95 {pct(ms, 95):6.1f} ms   (n={len(ms)}) {target}"
    )


def logged_in_client() -> Client:
    user, _ = get_user_model().objects.get_or_create(username="bench")
    client = Client()
    client.force_login(user)
    return client


def measure_compare(client: Client, slugs: list[str], n: int, rng: random.Random) -> None:
    print("Comparison page, 6 vendors (Django test Client, in-process):")
    selections = [rng.sample(slugs, 6) for _ in range(n)]
    for s in selections[:5]:
        client.get("/compare/", {"v": s})  # warm up imports and template caches
    cache.clear()
    cold = [timed(client, "/compare/", {"v": s}) for s in selections]
    warm = [timed(client, "/compare/", {"v": s}) for s in selections]
    mixed = [timed(client, "/compare/", {"v": rng.choice(selections[: n // 4])}) for _ in range(n)]
    report("cold cache (every selection new)", cold)
    report("warm cache (selection seen before)", warm)
    report("mixed (25% of selections repeat often)", mixed, "target median <= 30, p95 <= 100")
    cache.clear()
    with CaptureQueriesContext(connection) as cold_q:
        client.get("/compare/", {"v": selections[0]})
    with CaptureQueriesContext(connection) as warm_q:
        client.get("/compare/", {"v": selections[0]})
    print(f"  queries: {len(cold_q)} cold, {len(warm_q)} warm (target <= 10)")


def measure_directory(client: Client, n: int, rng: random.Random) -> None:
    print("Directory (htmx fragments, as you type):")
    names = list(Vendor.objects.values_list("name", flat=True))
    terms = []
    for _ in range(n):
        name = rng.choice(names)
        start = rng.randrange(0, max(1, len(name) - 4))
        terms.append(name[start : start + rng.randint(2, 5)].strip() or name[:3])
    client.get("/vendors/", {"q": "a"}, **HTMX)
    search = [timed(client, "/vendors/", {"q": t}, **HTMX) for t in terms]
    report("search by name", search, "target p95 <= 100")
    filters = [
        {"grade": "B"},
        {"children": "directed"},
        {"transfers": "outside"},
        {"retention": "gt_6y"},
        {"sells": "no", "sort": "-score"},
        {"sort": "-retention"},
        {"q": "learning", "grade": "A", "sort": "score"},
        {"page": "7"},
    ]
    filtered = [timed(client, "/vendors/", rng.choice(filters), **HTMX) for _ in range(n)]
    report("filters, sorting and pages", filtered, "target p95 <= 100")
    full = [timed(client, "/vendors/") for _ in range(max(20, n // 5))]
    report("full directory page", full)


# --------------------------------------------------------------------------- throughput


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _worker(args) -> int:
    port, paths, cookie, seconds = args
    deadline = time.perf_counter() + seconds
    done = 0
    i = 0
    while time.perf_counter() < deadline:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", paths[i % len(paths)], headers={"Cookie": cookie, "Connection": "close"})
        response = conn.getresponse()
        response.read()
        conn.close()
        if response.status != 200:
            raise RuntimeError(f"{paths[i % len(paths)]}: HTTP {response.status}")
        done += 1
        i += 1
    return done


def throughput(port: int, paths: list[str], cookie: str, seconds: float, concurrency: int = 16) -> float:
    with multiprocessing.get_context("fork").Pool(concurrency) as pool:
        t = time.perf_counter()
        counts = pool.map(
            _worker, [(port, paths[k::concurrency] or paths, cookie, seconds) for k in range(concurrency)]
        )
        return sum(counts) / (time.perf_counter() - t)


def measure_gunicorn(client: Client, slugs: list[str], seconds: float, rng: random.Random) -> None:
    workers = int(os.environ.get("BENCH_GUNICORN_WORKERS", str(max(2, (os.cpu_count() or 2)))))
    print(
        f"Throughput under gunicorn ({workers} sync workers), 16 concurrent connections, {seconds:g}s each:"
    )
    port = free_port()
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bench.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--chdir",
            str(ROOT),
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        from urllib.parse import urlencode

        # 20 selections of 6, repeated: what a cache shared by many users of a school would see
        compare_paths = ["/compare/?" + urlencode({"v": rng.sample(slugs, 6)}, doseq=True) for _ in range(20)]
        minimal = throughput(port, ["/bench/minimal/"], cookie, seconds)
        compare = throughput(port, compare_paths, cookie, seconds)
        search_paths = ["/vendors/?q=" + t for t in ("ow", "bright", "lab", "ma", "sw", "tutor", "calm", "e")]
        search = throughput(port, search_paths, cookie, seconds)
        print(f"  minimal one-query page       {minimal:7.1f} req/s")
        print(
            f"  comparison of 6 vendors      {compare:7.1f} req/s   ratio {compare / minimal:.2f} (target >= 0.5)"
        )
        print(f"  directory search (full page) {search:7.1f} req/s   ratio {search / minimal:.2f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--no-gunicorn", action="store_true")
    args = parser.parse_args()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, run_syncdb=True)
    if not Vendor.objects.exists():
        sys.exit("The bench database is empty: run bench/seed_large.py first.")
    db = connection.settings_dict
    print(f"Database: {db['ENGINE'].rsplit('.', 1)[-1]} {db['NAME']} · {Vendor.objects.count()} vendors")
    rng = random.Random(7)  # noqa: S311
    slugs = list(Vendor.objects.values_list("slug", flat=True))
    client = logged_in_client()
    measure_compare(client, slugs, args.requests, rng)
    measure_directory(client, args.requests, rng)
    if not args.no_gunicorn:
        measure_gunicorn(client, slugs, args.seconds, rng)


if __name__ == "__main__":
    main()
