"""Demo content: the original notice of the Sozialplanung (seed) and a generated,
clearly marked sample set, shared by ``load_demo``, the tests and the benchmarks."""
