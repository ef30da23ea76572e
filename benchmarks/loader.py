"""The search benchmark as a module for the benchmarks that reuse its databases, measuring
processes and rounds. Loaded by path: "search" is also the name of the site's search app."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_search_benchmark():
    spec = importlib.util.spec_from_file_location("bench_search", ROOT / "benchmarks/search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
