"""The directory's pages under load: a synthetic directory served by gunicorn, measured with wrk.

    .venv/bin/python benchmarks/run.py --records 10000 --databases postgres,sqlite
    .venv/bin/python benchmarks/run.py --records 100000 --databases postgres --cache both
    .venv/bin/python benchmarks/run.py --smoke

For each database the run creates a scratch database (PostgreSQL: `bench_<records>_<pid>`
on --postgres-server; SQLite: a file in a temporary directory), fills it with
`setup_directory` and `generate_synthetic` (which analyses the tables it wrote), collects
the static files (unless --static-root names files already collected), and starts
gunicorn on a free 127.0.0.1 port with production settings (DEBUG off, a random
SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, persistent PostgreSQL connections) plus one
constant-response page, `/__floor__/` (`benchmarks/settings.py`). Each page
(`benchmarks/pages.py` picks URLs that have results in the data) is first fetched once,
which must answer 200 (anything else is reported as a failure, not a figure), then loaded
with wrk for a fixed time and number of connections. The CSV export of every record is
downloaded once instead, timing it and sampling the memory of the gunicorn workers. It
prints Markdown tables (requests/s, p50, p99, the ratio to the floor, the time of one
request alone) and the issue's targets, and exits 1 if a page failed.

With --cache both, each database is served twice: DIRECTORY_CACHE=off, then
DIRECTORY_CACHE=on with every page warmed by its first request; --redis puts the cache in
Redis (db 4 on 127.0.0.1 unless --redis-url), flushed before each server starts.
Everything the run started or created is removed at the end, on errors and Ctrl-C too.
It is a script, not a test: tests/benchmarks/test_smoke.py runs `--smoke`.
"""

import argparse
import http.client
import json
import os
import runpy
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WRK_SCRIPT = Path(__file__).resolve().parent / "wrk_report.lua"
# The smoke run checks that the command works, beside the rest of the test suite: one
# gunicorn worker keeps it to about one core.
SMOKE = {
    "records": 300,
    "duration": 1.0,
    "warmup": 0.0,
    "timeout": 20.0,
    "connections": 2,
    "workers": 1,
}
CSV_PAGE = "CSV export, every record"
FLOOR_PATH = "/__floor__/"  # benchmarks/urls.py
RSS_SAMPLE_SECONDS = 0.05
DATABASE_LABELS = {"postgres": "PostgreSQL", "sqlite": "SQLite"}


def deployed_gunicorn():
    """gunicorn's settings as `gunicorn.conf.py` gives them on this machine: the server is
    measured as it is deployed."""
    return runpy.run_path(str(BASE_DIR / "gunicorn.conf.py"))


class BenchmarkError(Exception):
    """A step of the run failed; the message says which and why."""


def stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


# Scratch databases, files and the server


class Scratch:
    """What a run creates, removed by `clean_up` whatever happens."""

    def __init__(self, directory, postgres_server):
        self.directory = Path(tempfile.mkdtemp(prefix="bench_", dir=directory))
        self.postgres_server = postgres_server.rstrip("/")
        self.postgres_databases = []
        self.servers = []

    def database_url(self, database, records):
        if database == "sqlite":
            return f"sqlite:///{self.directory / f'bench_{records}.sqlite3'}"
        name = f"bench_{records}_{os.getpid()}"
        self.postgres(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self.postgres(f"CREATE DATABASE {name}")
        self.postgres_databases.append(name)
        return f"{self.postgres_server}/{name}"

    def postgres(self, sql):
        import psycopg

        with psycopg.connect(f"{self.postgres_server}/postgres", autocommit=True) as connection:
            connection.execute(sql)

    def cancel_queries(self, url):
        """Stop what a killed server left running in its PostgreSQL database."""
        name = url.rsplit("/", 1)[1]
        if name in self.postgres_databases:
            self.postgres(
                "SELECT pg_cancel_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            )

    def clean_up(self):
        for server in self.servers:
            server.stop()
        for name in self.postgres_databases:
            try:
                self.postgres(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            except Exception as error:  # report it and go on cleaning
                print(f"Could not drop the scratch database {name}: {error}", file=sys.stderr)
        shutil.rmtree(self.directory, ignore_errors=True)


def postgres_reachable(server):
    try:
        import psycopg

        psycopg.connect(f"{server.rstrip('/')}/postgres", connect_timeout=3).close()
    except Exception:  # any failure means: not reachable
        return False
    return True


def django_environment(database_url, static_root, cache=None, redis_url=None):
    """The environment of every Django process of the run: production settings."""
    environment = dict(os.environ)
    for inherited in ("REDIS_URL", "DIRECTORY_CACHE", "DJANGO_SETTINGS_MODULE"):
        environment.pop(inherited, None)
    environment |= {
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "BENCHMARK_STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "WARNING",
    }
    if cache:
        environment["DIRECTORY_CACHE"] = cache
    if redis_url:
        environment["REDIS_URL"] = redis_url
    return environment


SECRET_KEY = secrets.token_urlsafe(50)


def python(environment, *arguments):
    """Run Python in the project (manage.py, a module); its output, or BenchmarkError."""
    done = subprocess.run(
        [sys.executable, *arguments],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise BenchmarkError(f"{' '.join(arguments)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn serving the project on a free port of 127.0.0.1, in its own process group."""

    def __init__(self, environment, *, workers, threads, timeout, log_path):
        self.port = free_port()
        self.log_path = log_path
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--timeout",
            str(int(timeout)),
            "--graceful-timeout",
            "5",
            "--log-level",
            "warning",
        ]
        # gunicorn.conf.py logs every request as JSON on stdout, as in production: here
        # into the run's log file, which the report on stdout would otherwise drown in.
        with log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=BASE_DIR,
                env=environment,
                start_new_session=True,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def wait_until_ready(self, path, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchmarkError(f"gunicorn stopped at start:\n{self.log_tail()}")
            try:
                if fetch(self.port, path, timeout=5).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise BenchmarkError(f"gunicorn did not answer within {seconds} s:\n{self.log_tail()}")

    def log_tail(self):
        try:
            return self.log_path.read_text()[-3000:]
        except FileNotFoundError:
            return ""

    def worker_pids(self):
        """The worker processes: the master's children."""
        children = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                children.append(int(entry.name))
        return children

    def stop(self):
        if self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        except ProcessLookupError:
            self.process.wait()


# Measuring


@dataclass
class Response:
    status: int
    size: int
    seconds: float


def fetch(port, path, timeout):
    """One GET, read to the end, without following redirects."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.perf_counter()
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        size = 0
        while chunk := response.read(65536):
            size += len(chunk)
        return Response(response.status, size, time.perf_counter() - started)
    finally:
        connection.close()


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


@dataclass
class Result:
    name: str
    path: str
    requests_per_second: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    size: int = 0
    alone_ms: float = 0.0
    failure: str = ""
    note: str = ""
    left_work: bool = False
    ratio: float | None = None
    memory: dict = field(default_factory=dict)


def measure_page(server, page, options):
    """Check that the page answers 200, then load it with wrk.

    A page whose single request outlasts the run is not loaded (its figures would be
    none); `left_work` is set when the server may still be busy with abandoned requests.
    """
    name, path = page["name"], page["path"]
    try:
        first = fetch(server.port, path, timeout=options.timeout)
    except TimeoutError:
        return Result(
            name, path, note=f"timed out: no answer within {options.timeout:g} s", left_work=True
        )
    except OSError as error:
        return Result(name, path, failure=f"no answer: {error}", left_work=True)
    if first.status != 200:
        return Result(name, path, failure=f"status {first.status}")
    result = Result(name, path, size=first.size, alone_ms=first.seconds * 1000)
    if first.seconds > options.duration:
        result.note = f"not loaded: one request outlasts the {options.duration:g} s run"
        return result
    if options.warmup:
        run_wrk(server.port, path, options.warmup, options)
        result.left_work = not drain(server, options)
    figures = run_wrk(server.port, path, options.duration, options)
    result.left_work = not drain(server, options) or result.left_work
    if figures["status_errors"]:
        result.failure = f"{figures['status_errors']} answers that were not 2xx or 3xx"
    elif not figures["requests"]:
        result.note = f"no request completed in the {options.duration:g} s run"
    else:
        result.requests_per_second = figures["requests"] / (figures["duration_us"] / 1e6)
        result.p50_ms = figures["p50_us"] / 1000
        result.p99_ms = figures["p99_us"] / 1000
        if figures["timeouts"]:
            result.note = f"{figures['timeouts']} requests over {options.timeout:g} s"
    return result


def drain(server, options):
    """Wait until the requests wrk left behind are served, before the next measurement;
    False if the server is still busy after the page timeout.

    wrk stops at the end of its time and drops its connections, but the server still
    serves the requests it had read: as many floor requests at once as wrk had
    connections come back only once the server has worked through them.
    """
    with ThreadPoolExecutor(options.connections) as pool:
        waits = [
            pool.submit(fetch, server.port, FLOOR_PATH, options.timeout)
            for _ in range(options.connections)
        ]
    return all(wait.exception() is None for wait in waits)


def run_wrk(port, path, seconds, options):
    """wrk's figures for `path`, each request on a connection of its own, as the reverse
    proxy in front of gunicorn sends them (nginx's default). Kept alive, wrk's
    connections stayed with the worker that accepted them: often most of them with one
    worker, which then served one request at a time while the others idled, halving a
    page's requests/s from one run to the next."""
    command = [
        "wrk",
        "--threads",
        "1",
        "--header",
        "Connection: close",
        "--connections",
        str(options.connections),
        "--duration",
        f"{max(1, round(seconds))}s",
        "--timeout",
        f"{options.timeout:.0f}s",
        "--script",
        str(WRK_SCRIPT),
        f"http://127.0.0.1:{port}{path}",
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + options.timeout + 30
    )
    if done.returncode:
        raise BenchmarkError(f"wrk failed on {path}:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_download(server, page, options):
    """One download of a (streamed) export: its time, size and the workers' memory."""
    name, path = page["name"], page["path"]
    samples = {}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            for pid in server.worker_pids():
                rss = rss_mb(pid)
                if rss is not None:
                    samples.setdefault(pid, []).append(rss)
            stop.wait(RSS_SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        response = fetch(server.port, path, timeout=options.csv_timeout)
    except TimeoutError:
        return Result(
            name, path, note=f"timed out: no data for {options.csv_timeout:g} s", left_work=True
        )
    except OSError as error:
        return Result(name, path, failure=f"no answer: {error}", left_work=True)
    finally:
        stop.set()
        sampler.join()
    if response.status != 200:
        return Result(name, path, failure=f"status {response.status}")
    # The worker that served it is the one whose memory moved most.
    before, peak = max(
        ((rss[0], max(rss)) for rss in samples.values() if rss),
        key=lambda pair: pair[1] - pair[0],
        default=(0.0, 0.0),
    )
    result = Result(name, path, size=response.size)
    result.memory = {"seconds": response.seconds, "before_mb": before, "peak_mb": peak}
    return result


# One database


@dataclass
class Run:
    database: str
    cache: str
    results: list
    setup: str = ""
    load: tuple = ()


def load_average():
    """The machine's 1-minute load average: how busy it was besides this run."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def benchmark_database(database, scratch, options, static_root):
    """Load the synthetic directory into `database` and measure it once per cache mode."""
    label = DATABASE_LABELS[database]
    url = scratch.database_url(database, options.records)
    environment = django_environment(url, static_root)
    started = time.perf_counter()
    python(environment, "manage.py", "setup_directory", "--verbosity", "0")
    setup_seconds = time.perf_counter() - started
    generated = python(
        environment,
        "manage.py",
        "generate_synthetic",
        "--records",
        str(options.records),
        "--seed",
        str(options.seed),
    ).strip()
    setup = f"setup_directory {setup_seconds:.1f} s; {generated}"
    print(f"{label}: {setup}", file=sys.stderr)
    pages = json.loads(python(environment, "-m", "benchmarks.pages", "--prefix", options.prefix))
    if unknown := set(options.only) - {page["name"] for page in pages}:
        raise BenchmarkError(f"no such page: {', '.join(sorted(unknown))}")
    if options.only:
        pages = [
            page for page in pages if page["path"] == FLOOR_PATH or page["name"] in options.only
        ]
    runs = []
    for cache in options.cache_modes:
        if options.redis_url:
            flush_redis(options.redis_url)
        server_environment = django_environment(
            url, static_root, cache=cache, redis_url=options.redis_url
        )

        def serve(cache=cache, server_environment=server_environment):
            server = Server(
                server_environment,
                workers=options.workers,
                threads=options.threads,
                timeout=max(options.timeout, options.csv_timeout) + 30,
                log_path=scratch.directory / f"gunicorn_{database}_{cache}.log",
            )
            scratch.servers.append(server)
            server.wait_until_ready(FLOOR_PATH)
            return server

        server = serve()
        load_at_start = load_average()
        results = []
        for page in pages:
            print(f"{label}, cache {cache}: {page['name']} {page['path']}", file=sys.stderr)
            measure = measure_download if page["name"] == CSV_PAGE else measure_page
            results.append(measure(server, page, options))
            if results[-1].left_work:
                # Abandoned requests would slow the next pages: start afresh.
                server.stop()
                scratch.cancel_queries(url)
                server = serve()
        server.stop()
        floor = results[0].requests_per_second
        for result in results:
            if result.requests_per_second and floor:
                result.ratio = result.requests_per_second / floor
        runs.append(Run(database, cache, results, setup, (load_at_start, load_average())))
    return runs


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


# The report


def report(runs, options):
    lines = [
        f"gunicorn: {options.workers} workers x {options.threads} threads "
        f"({deployed_gunicorn()['worker_class']}); wrk: 1 thread, a connection per request, "
        f"{options.connections} connections, {options.duration:g} s per page"
        + (f" after {options.warmup:g} s of warm-up" if options.warmup else "")
        + f"; {options.records:,} synthetic records (seed {options.seed}).",
    ]
    for run in runs:
        lines += ["", f"### {DATABASE_LABELS[run.database]}, cache {run.cache}", ""]
        lines += [f"Data: {run.setup}", ""]
        lines += [
            "Machine load (1-minute average, this run included) at the first page "
            f"{run.load[0]:.1f}, after the last {run.load[1]:.1f}.",
            "",
        ]
        lines += [
            "| page | URL | req/s | p50 | p99 | p99/p50 | x floor | alone | size |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for result in run.results:
            if result.name == CSV_PAGE:
                continue
            lines.append(row(result))
        lines += ["", *download_lines(run)]
    lines += comparison(runs)
    lines += targets(runs, options)
    return "\n".join(lines)


def row(result):
    """A page's line: its figures under load, or why there are none; `alone` is the time
    of the page's first request, made with the server otherwise idle."""
    url = f"`{result.path}`"
    alone = f"{result.alone_ms:,.0f} ms" if result.alone_ms else "–"
    size = kilobytes(result.size)
    if result.failure:
        return f"| {result.name} | {url} | FAILED: {result.failure} | | | | | {alone} | {size} |"
    if not result.requests_per_second:
        return f"| {result.name} | {url} | {result.note} | | | | | {alone} | {size} |"
    note = f" ({result.note})" if result.note else ""
    ratio = f"{result.ratio:.3f}" if result.ratio is not None else "–"
    return (
        f"| {result.name}{note} | {url} | {result.requests_per_second:,.1f} "
        f"| {result.p50_ms:,.1f} ms | {result.p99_ms:,.1f} ms "
        f"| {result.p99_ms / result.p50_ms:.2f} | {ratio} | {alone} | {size} |"
    )


def kilobytes(size):
    if not size:
        return "–"
    if size < 1024:
        return f"{size} B"
    return f"{size / 1024:,.1f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def download_lines(run):
    lines = []
    for result in run.results:
        if result.name != CSV_PAGE:
            continue
        if result.failure:
            lines.append(f"{result.name} (`{result.path}`): FAILED: {result.failure}")
            continue
        memory = result.memory
        lines.append(
            f"{result.name} (`{result.path}`): {memory['seconds']:.1f} s, "
            f"{kilobytes(result.size)}; the serving worker's RSS {memory['before_mb']:.0f} MB "
            f"before, {memory['peak_mb']:.0f} MB at its peak "
            f"(+{memory['peak_mb'] - memory['before_mb']:.0f} MB)."
        )
    return lines


def by_name(run):
    return {result.name: result for result in run.results}


def comparison(runs):
    """PostgreSQL against SQLite, page by page, for each cache mode measured on both."""
    lines = []
    for cache in dict.fromkeys(run.cache for run in runs):
        pair = {run.database: by_name(run) for run in runs if run.cache == cache}
        if set(pair) != {"postgres", "sqlite"}:
            continue
        lines += ["", f"### PostgreSQL against SQLite, cache {cache}", ""]
        lines += ["| page | PostgreSQL req/s | SQLite req/s | PostgreSQL / SQLite |"]
        lines += ["| --- | ---: | ---: | ---: |"]
        for name, postgres in pair["postgres"].items():
            sqlite = pair["sqlite"].get(name)
            if name == CSV_PAGE or not throughput_share(postgres, sqlite):
                continue
            lines.append(
                f"| {name} | {postgres.requests_per_second:,.1f} "
                f"| {sqlite.requests_per_second:,.1f} "
                f"| {postgres.requests_per_second / sqlite.requests_per_second:.2f} |"
            )
    return lines


LISTS = ["list, two facets", "full list, first page", "full list, last page"]


def targets(runs, options):
    """The issue's targets, each with what this run measured (ratios from this run);
    a target whose pages were not measured is left out."""
    lines = ["", "### Targets (issue 11), as measured by this run", ""]
    for run in runs:
        pages = by_name(run)
        where = f"{DATABASE_LABELS[run.database]}, cache {run.cache}"
        wanted = 0.05 if run.cache == "off" else 0.30
        facets = pages.get("list, two facets")
        if facets:
            lines.append(
                check(
                    f"{where}: list on two facets ≥ {wanted:.0%} of the floor",
                    facets.ratio,
                    lambda ratio, wanted=wanted: ratio >= wanted,
                    "{:.1%}",
                )
            )
        for name in LISTS:
            if page := pages.get(name):
                lines.append(
                    check(
                        f"{where}: {name}, p99 ≤ 1.5 x p50 at {options.connections} connections",
                        page.p99_ms / page.p50_ms if page.p50_ms else None,
                        lambda spread: spread <= 1.5,
                        "{:.2f} x",
                    )
                )
        pairs = [
            ("full list, last page", "full list, first page", 0.8, "last page ≥ 0.8 x first"),
            (
                "search, common word",
                "search, selective word",
                0.5,
                "common-word search ≥ 50% of a selective one's throughput",
            ),
        ]
        for name, base, wanted_share, target in pairs:
            if name in pages and base in pages:
                lines.append(
                    check(
                        f"{where}: {target}",
                        throughput_share(pages[name], pages[base]),
                        lambda share, wanted_share=wanted_share: share >= wanted_share,
                        "{:.2f} x",
                    )
                )
        if selective := pages.get("search, selective word"):
            lines.append(
                check(
                    f"{where}: selective search p99 ≤ 150 ms (the target is at 100,000 records)",
                    selective.p99_ms or None,
                    lambda p99: p99 <= 150,
                    "{:.1f} ms",
                )
            )
        download = pages.get(CSV_PAGE)
        if download and download.memory:
            growth = download.memory["peak_mb"] - download.memory["before_mb"]
            lines.append(
                f"- {where}: CSV export of every record: the serving worker grew by "
                f"{growth:.0f} MB while sending {kilobytes(download.size)} (flat memory: "
                "growth that does not follow the file's size)"
            )
    for cache in dict.fromkeys(run.cache for run in runs):
        pair = {run.database: by_name(run) for run in runs if run.cache == cache}
        if set(pair) != {"postgres", "sqlite"}:
            continue
        for name in LISTS:
            if name in pair["postgres"] and name in pair["sqlite"]:
                lines.append(
                    check(
                        f"cache {cache}: {name}, PostgreSQL within 10% of SQLite",
                        throughput_share(pair["postgres"][name], pair["sqlite"][name]),
                        lambda share: share >= 0.9,
                        "{:.2f} x",
                    )
                )
    return lines


def throughput_share(page, base):
    if base and page.requests_per_second and base.requests_per_second:
        return page.requests_per_second / base.requests_per_second
    return None


def check(target, value, is_met, template):
    """A line of the targets: met or not, with the value measured (or none)."""
    if value is None:
        return f"- not measured: {target}"
    return f"- {'met' if is_met(value) else 'NOT met'}: {target}: {template.format(value)}"


# The command


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n", 1)[0],
        epilog="See the module docstring (benchmarks/run.py) for what a run does.",
    )
    parser.add_argument("--records", type=int, default=10_000, help="synthetic records (10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the data (1)")
    parser.add_argument(
        "--databases",
        default=None,
        help="postgres, sqlite or postgres,sqlite (both; --smoke: PostgreSQL if reachable)",
    )
    parser.add_argument(
        "--cache", choices=["off", "on", "both"], default="off", help="DIRECTORY_CACHE (off)"
    )
    parser.add_argument(
        "--static-root",
        type=Path,
        default=None,
        help="static files already collected with production settings (default: collect anew)",
    )
    parser.add_argument("--duration", type=float, default=10, help="seconds of wrk per page (10)")
    parser.add_argument("--warmup", type=float, default=2, help="seconds of warm-up per page (2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    deployed = deployed_gunicorn()
    parser.add_argument(
        "--workers",
        type=int,
        default=deployed["workers"],
        help=f"gunicorn workers (as gunicorn.conf.py deploys: {deployed['workers']})",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=deployed["threads"],
        help=f"gunicorn threads per worker (as deployed: {deployed['threads']})",
    )
    parser.add_argument(
        "--timeout", type=float, default=30, help="seconds a page request may take (30)"
    )
    parser.add_argument(
        "--csv-timeout", type=float, default=600, help="seconds without data on the CSV (600)"
    )
    parser.add_argument(
        "--prefix", default="/en", help="language prefix of the pages (/en; /ar for Arabic)"
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="PAGE",
        help="measure only this page (its name in the report; repeat for more); the floor always",
    )
    parser.add_argument("--redis", action="store_true", help="Redis as the cache")
    parser.add_argument("--redis-url", default=None, help="(redis://127.0.0.1:6379/4)")
    parser.add_argument(
        "--postgres-server",
        default="postgres://postgres@127.0.0.1:5432",
        help="PostgreSQL server URL without a database name",
    )
    parser.add_argument(
        "--scratch-dir", default=None, help="where SQLite files and logs go (a temp dir)"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=(
            f"a quick check that every page works: {SMOKE['records']} records, "
            f"{SMOKE['duration']:g} s per page, SQLite and PostgreSQL if reachable"
        ),
    )
    options = parser.parse_args(argv)
    if options.smoke:
        for name, value in SMOKE.items():
            setattr(options, name, value)
        if options.databases is None and not postgres_reachable(options.postgres_server):
            print("PostgreSQL is not reachable: the smoke run uses SQLite only.", file=sys.stderr)
            options.databases = "sqlite"
    names = (options.databases or "postgres,sqlite").split(",")
    options.databases = [name.strip() for name in names if name.strip()]
    unknown = set(options.databases) - set(DATABASE_LABELS)
    if unknown:
        parser.error(f"unknown database(s): {', '.join(sorted(unknown))}")
    if options.static_root and not (options.static_root / "staticfiles.json").is_file():
        parser.error(
            f"--static-root {options.static_root} holds no staticfiles.json: collect the"
            " files there first with production settings (DEBUG=false manage.py collectstatic)"
        )
    options.cache_modes = ["off", "on"] if options.cache == "both" else [options.cache]
    options.prefix = options.prefix.rstrip("/")
    if options.redis or options.redis_url:
        options.redis_url = options.redis_url or "redis://127.0.0.1:6379/4"
    return options


def main(argv=None):
    options = parse_arguments(sys.argv[1:] if argv is None else argv)
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    scratch = Scratch(options.scratch_dir, options.postgres_server)
    runs = []
    try:
        static_root = options.static_root
        if static_root is None:
            static_root = scratch.directory / "static"
            environment = django_environment("sqlite://:memory:", static_root)
            python(environment, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
        for database in options.databases:
            runs += benchmark_database(database, scratch, options, static_root)
    except BenchmarkError as error:
        sys.exit(f"Benchmark stopped: {error}")
    except KeyboardInterrupt:
        sys.exit("Interrupted; scratch databases and servers removed.")
    finally:
        scratch.clean_up()
    print(report(runs, options))
    failures = [
        f"{DATABASE_LABELS[run.database]}, cache {run.cache}: {result.name}: {result.failure}"
        for run in runs
        for result in run.results
        if result.failure
    ]
    if failures:
        sys.exit("Failed pages:\n" + "\n".join(failures))


if __name__ == "__main__":
    main()
