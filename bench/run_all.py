"""Run every benchmark in this folder (``make bench``) and print their tables.

Benchmarks measure speed and size goals; they are not tests and never fail a build.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    for script in scripts:
        print(f"== {script.name}", flush=True)
        subprocess.run([sys.executable, str(script), *sys.argv[1:]], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
