"""Small statistics for the benchmarks: percentiles and a least-squares line."""

from __future__ import annotations

from collections.abc import Sequence


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` (0–1) percentile by linear interpolation; nan for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def line_fit(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares ``y = intercept + slope * x``; returns (intercept, slope)."""
    n = len(points)
    if n < 2:
        raise ValueError("a line needs at least two points")
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    return mean_y - slope * mean_x, slope


def summary(errors: Sequence[float]) -> dict[str, float]:
    magnitudes = [abs(e) for e in errors]
    return {
        "p50_ms": percentile(magnitudes, 0.50),
        "p95_ms": percentile(magnitudes, 0.95),
        "p99_ms": percentile(magnitudes, 0.99),
        "max_ms": max(magnitudes, default=float("nan")),
        "samples": len(magnitudes),
    }
