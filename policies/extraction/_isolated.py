"""Child-process entry point: ``python -m policies.extraction._isolated FORMAT LIMITS_JSON < document``.

Applies RLIMIT_AS / RLIMIT_CPU to itself before reading any input, parses the document, and writes one JSON
object to stdout: {"ok": true, "document": {...}} or {"ok": false, "error": "...", "kind": "..."}.
Imports nothing from Django. Kept tiny so start-up stays cheap.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sys

EXIT_MEMORY = 3


def _apply_rlimits(memory_bytes: int, cpu_seconds: float) -> None:
    try:
        import resource
    except ImportError:  # not POSIX: only the parent's wall-clock timeout applies
        return
    for which, value in ((resource.RLIMIT_AS, int(memory_bytes)), (resource.RLIMIT_CPU, int(math.ceil(cpu_seconds)))):
        if value <= 0:
            continue
        try:
            soft, hard = resource.getrlimit(which)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(which, (value, hard))
        except (ValueError, OSError):
            pass
    with contextlib.suppress(ValueError, OSError):  # no core dumps of a child we may kill
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _write(obj: dict) -> None:
    out = json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")
    sys.stdout.buffer.write(out)
    sys.stdout.buffer.flush()


def main(argv: list[str]) -> int:
    fmt, limits_json = argv[1], argv[2]
    raw_limits = json.loads(limits_json)
    _apply_rlimits(raw_limits.get("memory_bytes", 0), raw_limits.get("timeout_seconds", 0) + 1)
    try:
        from ._runner import parse_in_process
        from ._types import ExtractionError, ExtractionLimits

        limits = ExtractionLimits(**raw_limits)
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
        try:
            doc = parse_in_process(fmt, data, limits)
        except ExtractionError as exc:
            _write({"ok": False, "kind": "extraction", "error": str(exc)})
            return 0
        _write({"ok": True, "document": doc.to_dict()})
        return 0
    except MemoryError:
        # Free what we can, then report; if even that fails the parent sees EXIT_MEMORY.
        with contextlib.suppress(BaseException):
            _write({"ok": False, "kind": "memory", "error": "memory"})
        os._exit(EXIT_MEMORY)
    except RecursionError:
        _write({"ok": False, "kind": "damaged", "error": "recursion"})
        return 0
    except Exception as exc:  # an unexpected parser crash: report its type only, never the document
        _write({"ok": False, "kind": "crash", "error": f"{type(exc).__name__}: {str(exc)[:200]}"})
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
