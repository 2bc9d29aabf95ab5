#!/usr/bin/env python3
"""A loopback HTTP/1.1 load generator for `regtracker serve` (issue 13's dashboard target), standard library only.

N clients each keep one connection alive and send GET requests one after another until the total count or the time
limit is reached; prints one line of JSON: requests per second and latency percentiles in milliseconds.

    load.py --port 8080 --path /api/report --token rt_... --clients 8 --requests 2000 --max-seconds 60
"""

import argparse
import asyncio
import json
import sys
import time


class Shared:
    """The request budget and what the clients measured."""

    def __init__(self, requests, deadline):
        self.left = requests
        self.deadline = deadline
        self.latencies = []
        self.errors = 0
        self.statuses = {}

    def take(self):
        if self.left <= 0 or time.monotonic() >= self.deadline:
            return False
        self.left -= 1
        return True


async def read_response(reader):
    """Reads one response; returns (status, close) where close says the server ends the connection."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("connection closed")
    status = int(status_line.split()[1])
    length, chunked, close = None, False, False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "transfer-encoding" and "chunked" in value:
            chunked = True
        elif name == "connection" and value == "close":
            close = True
    if chunked:
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length is not None:
        await reader.readexactly(length)
    else:
        await reader.read()
        close = True
    return status, close


async def client(args, shared):
    request = (
        f"GET {args.path} HTTP/1.1\r\nHost: {args.host}:{args.port}\r\n"
        f"Authorization: Bearer {args.token}\r\nConnection: keep-alive\r\n\r\n"
    ).encode()
    reader = writer = None
    while shared.take():
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(args.host, args.port)
            writer.write(request)
            await writer.drain()
            status, close = await read_response(reader)
        except (ConnectionError, OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            shared.errors += 1
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        shared.latencies.append(time.perf_counter() - started)
        shared.statuses[status] = shared.statuses.get(status, 0) + 1
        if status != 200:
            shared.errors += 1
        if close:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


def percentile(sorted_values, fraction):
    if not sorted_values:
        return None
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


async def run(args):
    started = time.monotonic()
    shared = Shared(args.requests, started + args.max_seconds)
    await asyncio.gather(*(client(args, shared) for _ in range(args.clients)))
    seconds = time.monotonic() - started
    latencies = sorted(shared.latencies)
    milliseconds = lambda value: None if value is None else round(value * 1000, 2)
    return {
        "path": args.path,
        "clients": args.clients,
        "requests": len(latencies),
        "errors": shared.errors,
        "statuses": {str(code): count for code, count in sorted(shared.statuses.items())},
        "seconds": round(seconds, 3),
        "requests_per_second": round(len(latencies) / seconds, 1) if seconds > 0 else None,
        "p50_ms": milliseconds(percentile(latencies, 0.50)),
        "p99_ms": milliseconds(percentile(latencies, 0.99)),
        "max_ms": milliseconds(latencies[-1] if latencies else None),
        "stopped_by_time": shared.left > 0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="/api/report")
    parser.add_argument("--token", required=True, help="a dashboard token (regtracker tokens create --office)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=2000, help="requests in all, over every client")
    parser.add_argument("--max-seconds", type=float, default=60, help="stop sending new requests after this")
    args = parser.parse_args()
    if args.host not in ("127.0.0.1", "::1", "localhost"):
        sys.exit("load.py only loads a server on this machine (loopback)")
    if args.clients < 1 or args.requests < 1 or args.max_seconds <= 0:
        sys.exit("--clients, --requests and --max-seconds must be positive")
    print(json.dumps(asyncio.run(run(args))))


if __name__ == "__main__":
    main()
