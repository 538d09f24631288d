#!/usr/bin/python3
"""Independent reference values for app/statistics (checked by reference.test.ts).

Run: /usr/bin/python3 app/statistics/reference/make-reference.py   (needs python3-scipy)

Nothing here is ported from the TypeScript. Textbook formulas are written out from their
papers (Wilson 1927, Newcombe 1998 method 10, Katz 1978, Holm 1979); the p-values use
scipy.stats (norm, fisher_exact, chisquare); the sequential p-value is found by root-finding on
the confidence sequence itself rather than from the closed form; and every Bayesian quantity
is an adaptive quadrature (scipy.integrate.quad) of Beta densities and CDFs instead of Evan
Miller's series or the Gauss-Legendre grid.
"""

import json
import math
import os
import warnings

import numpy as np
import scipy
from scipy import integrate, optimize, stats

HERE = os.path.dirname(os.path.abspath(__file__))
# quad reports "roundoff error" when it cannot reach epsrel=1e-13 at 10^7 counts; what it does
# reach there (~1e-10, checked against 40-digit mpmath sums) is far inside the 1e-6 tolerance.
warnings.filterwarnings("ignore", category=integrate.IntegrationWarning)


# ---------------------------------------------------------------- frequentist pieces

def wilson(x, n, z):
    p = x / n
    denom = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return [max(0.0, center - half), min(1.0, center + half)]


def newcombe(xt, nt, xc, nc, z):
    """Newcombe (1998) method 10 for p_t - p_c."""
    pt, pc = xt / nt, xc / nc
    lt, ut = wilson(xt, nt, z)
    lc, uc = wilson(xc, nc, z)
    d = pt - pc
    return [d - math.sqrt((pt - lt) ** 2 + (uc - pc) ** 2), d + math.sqrt((ut - pt) ** 2 + (pc - lc) ** 2)]


def katz(xt, nt, xc, nc, mult):
    """Log risk-ratio interval; 0.5 added to every cell when a cell of the 2x2 table is zero (no conversions or no misses)."""
    if 0 in (xt, xc, nt - xt, nc - xc):
        xt, nt, xc, nc = xt + 0.5, nt + 1, xc + 0.5, nc + 1
    log_rr = math.log((xt / nt) / (xc / nc))
    se = math.sqrt(max(0.0, 1 / xt - 1 / nt) + max(0.0, 1 / xc - 1 / nc))
    hi = math.expm1(log_rr + mult * se)
    if not math.isfinite(hi):
        return None
    return [math.expm1(log_rr - mult * se), hi]


def pooled_z_pvalue(xt, nt, xc, nc):
    pooled = (xt + xc) / (nt + nc)
    se = math.sqrt(pooled * (1 - pooled) * (1 / nt + 1 / nc))
    if se == 0:
        return 1.0
    z = (xt / nt - xc / nc) / se
    return float(min(1.0, 2 * stats.norm.sf(abs(z))))


def holm(pvalues):
    m = len(pvalues)
    filled = [1.0 if p is None else p for p in pvalues]
    order = sorted(range(m), key=lambda i: filled[i])
    out = [None] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * filled[i]))
        out[i] = None if pvalues[i] is None else running
    return out


def min_expected(xt, nt, xc, nc):
    rows = [nt, nc]
    cols = [xt + xc, (nt - xt) + (nc - xc)]
    return min(rows) * min(cols) / (nt + nc)


# ---------------------------------------------------------------- sequential (Waudby-Smith et al. 2023)

def rho(alpha, tuning):
    return math.sqrt((-2 * math.log(alpha) + math.log(-2 * math.log(alpha) + 1)) / tuning)


def cs_multiplier(n, r, alpha):
    """radius = sigma_hat * sqrt(2(n r^2+1)/(n^2 r^2) log(sqrt(n r^2+1)/alpha)), sigma_hat^2 = n SE^2."""
    nr2 = n * r * r
    return math.sqrt(n * 2 * (nr2 + 1) / (n * n * r * r) * math.log(math.sqrt(nr2 + 1) / alpha))


def shrunk_variance(x, n):
    p = (x + 1) / (n + 2)
    return p * (1 - p) / n


def sequential_pvalue(xt, nt, xc, nc, r):
    """Smallest alpha at which the confidence sequence for p_t - p_c excludes 0 (root-finding)."""
    d = xt / nt - xc / nc
    if d == 0:
        return 1.0
    se = math.sqrt(shrunk_variance(xt, nt) + shrunk_variance(xc, nc))
    n = nt + nc

    def excess(log_alpha):
        return abs(d) - cs_multiplier(n, r, math.exp(log_alpha)) * se

    if excess(0.0) <= 0:
        return 1.0
    if excess(-740.0) > 0:
        return 0.0
    root = optimize.brentq(excess, -740.0, 0.0, xtol=1e-15, rtol=1e-15, maxiter=500)
    return min(1.0, math.exp(root))


# ---------------------------------------------------------------- Bayesian, by quadrature
# Densities are used unnormalized and divided by their own quadrature, so the result does not
# depend on scipy's betaln (only ~1e-10 accurate at 10^6 counts). CDFs and upper tails come
# from scipy.stats.beta (Boost's incomplete beta, accurate at 10^7 counts in this scipy; the
# cephes-based scipy.special.betainc is not).

def params(arm):
    visitors, conversions = arm
    return conversions + 1.0, visitors - conversions + 1.0


def log_kernel(p, x):
    a, b = p
    return (a - 1) * np.log(x) + (b - 1) * np.log1p(-x)


def log_cdf(p, x):
    return stats.beta.logcdf(x, p[0], p[1])


def survival(p, x):
    return stats.beta.sf(x, p[0], p[1])


def support(p):
    d = stats.beta(*p)
    return float(d.ppf(1e-20)), float(d.isf(1e-20))


def integrate_exp(logf, lo, hi, pieces=24):
    """log ∫ exp(logf) over [lo, hi]: locate where the integrand matters, then quad piecewise."""
    xs = np.linspace(lo, hi, 4001)[1:-1]
    vals = logf(xs)
    top = np.max(vals)
    if not np.isfinite(top):
        return -math.inf
    keep = np.nonzero(vals > top - 80)[0]
    a = max(lo, xs[max(0, keep[0] - 1)] - (xs[1] - xs[0]))
    b = min(hi, xs[min(len(xs) - 1, keep[-1] + 1)] + (xs[1] - xs[0]))
    edges = np.linspace(a, b, pieces + 1)
    total = 0.0
    for u, v in zip(edges[:-1], edges[1:]):
        part, _ = integrate.quad(lambda x: math.exp(logf(x) - top), u, v, epsabs=0, epsrel=1e-13, limit=200)
        total += part
    return math.log(total) + top if total > 0 else -math.inf


def density_average(p, log_g):
    """E[g(X)] for X ~ Beta(p): ∫ kernel·g / ∫ kernel."""
    lo, hi = support(p)
    num = integrate_exp(lambda x: log_kernel(p, x) + log_g(x), lo, hi)
    den = integrate_exp(lambda x: log_kernel(p, x), lo, hi)
    return math.exp(num - den) if num > -math.inf else 0.0


def probability_to_beat(t, c):
    pc = params(c)
    return density_average(params(t), lambda x: log_cdf(pc, x))


def probability_to_be_best(arms, i):
    ps = [params(a) for a in arms]
    return density_average(ps[i], lambda x: sum(log_cdf(p, x) for j, p in enumerate(ps) if j != i))


def expected_loss(arms, i):
    """E[max_j p_j - p_i] = ∫ F_i(t) (1 - prod_{j != i} F_j(t)) dt."""
    ps = [params(a) for a in arms]
    sups = [support(p) for p in ps]
    lo, hi = min(s[0] for s in sups), max(s[1] for s in sups)

    def logf(t):
        # log1p(-1) = -inf where some other variant is above t for sure (F_j = 0); the result is then log 1 = 0
        with np.errstate(divide="ignore"):
            log_all_below = sum(np.log1p(-survival(p, t)) for j, p in enumerate(ps) if j != i)
            return log_cdf(ps[i], t) + np.log(-np.expm1(log_all_below))

    return math.exp(integrate_exp(logf, lo, hi))


# ---------------------------------------------------------------- a whole analysis

def analyze(case):
    variants = case["variants"]
    confidence = case.get("confidence", 0.95)
    alpha = 1 - confidence
    z = float(stats.norm.ppf(1 - alpha / 2))
    keys = [v["key"] for v in variants]
    ci = keys.index(case["control"]) if "control" in case else 0
    planned = case.get("plannedVisitorsPerVariant")
    r = rho(alpha, 2 * planned if planned else 5000)
    arms = [(v["visitors"], v["conversions"]) for v in variants]
    nc, xc = arms[ci]

    # A variant without visitors has no probabilities; the others are compared among the variants
    # with data, and with fewer than two of those nothing is (docs/decisions/058-clean-numbers.md).
    with_data = [arm for arm in arms if arm[0] > 0]
    compared = len(with_data) >= 2
    out = []
    for i, (n, x) in enumerate(arms):
        has_numbers = compared and n > 0
        row = {
            "rate": x / n if n else None,
            "ci": wilson(x, n, z) if n else None,
            "probabilityToBeBest": probability_to_be_best(with_data, with_data.index((n, x))) if has_numbers else None,
            "expectedLoss": expected_loss(with_data, with_data.index((n, x))) if has_numbers else None,
        }
        if i != ci:
            vs = {"probabilityToBeatControl": probability_to_beat((n, x), (nc, xc)) if n and nc else None}
            if n and nc:
                vs.update({
                    "absoluteLift": x / n - xc / nc,
                    "absoluteLiftCi": newcombe(x, n, xc, nc, z),
                    "relativeLift": (x / n) / (xc / nc) - 1 if xc else None,
                    "relativeLiftCi": katz(x, n, xc, nc, z),
                    "pValue": pooled_z_pvalue(x, n, xc, nc),
                    "sequentialPValue": sequential_pvalue(x, n, xc, nc, r),
                    "sequentialRelativeLiftCi": katz(x, n, xc, nc, cs_multiplier(n + nc, r, alpha)),
                })
                if min_expected(x, n, xc, nc) < 5:
                    vs["exactPValue"] = float(stats.fisher_exact([[x, n - x], [xc, nc - xc]]).pvalue)
            else:
                for k in ["absoluteLift", "absoluteLiftCi", "relativeLift", "relativeLiftCi", "pValue", "sequentialPValue", "sequentialRelativeLiftCi"]:
                    vs[k] = None
            row["vsControl"] = vs
        out.append(row)

    treatments = [row["vsControl"] for row in out if "vsControl" in row]
    for name in ["pValue", "sequentialPValue"]:
        adjusted = holm([t[name] for t in treatments])
        for t, a in zip(treatments, adjusted):
            t[name + "Adjusted"] = a

    total = sum(n for n, _ in arms)
    weights = case.get("weights", [1 / len(arms)] * len(arms))
    srm = None
    if total:
        srm = float(stats.chisquare([n for n, _ in arms], f_exp=[total * w for w in weights]).pvalue)
    return {"variants": out, "srm": {"pValue": srm}}


def sample_size(req):
    p1, mde = req["baselineRate"], req["relativeMde"]
    alpha, power, k = req.get("alpha", 0.05), req.get("power", 0.8), req.get("variants", 2)
    p2 = p1 * (1 + mde)
    za = stats.norm.ppf(1 - alpha / (k - 1) / 2)
    zb = stats.norm.ppf(power)
    pbar = (p1 + p2) / 2
    n = (za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2
    per = math.ceil(n - 1e-9)
    out = {"visitorsPerVariant": per, "totalVisitors": per * k}
    if "dailyVisitors" in req:
        out["days"] = math.ceil(per * k / req["dailyVisitors"])
    return out


def two(a, b, **extra):
    return {"variants": [{"key": "A", "visitors": a[0], "conversions": a[1]}, {"key": "B", "visitors": b[0], "conversions": b[1]}], **extra}


def many(*arms, **extra):
    return {"variants": [{"key": "ABCDEFGHIJ"[i], "visitors": n, "conversions": x} for i, (n, x) in enumerate(arms)], **extra}


TWO_ARM = {
    "typical 1k": two((1000, 100), (1000, 120)),
    "typical 10k": two((10000, 1000), (10000, 1150)),
    "tiny 3 visitors 0 vs 3": two((3, 0), (3, 3)),
    "tiny 3 visitors 1 vs 2": two((3, 1), (3, 2)),
    "one visitor each 0 vs 1": two((1, 0), (1, 1)),
    "one visitor each 1 vs 0": two((1, 1), (1, 0)),
    "zero conversions both": two((100, 0), (100, 0)),
    "zero conversions both small": two((20, 0), (20, 0)),
    "zero conversions control": two((100, 0), (100, 5)),
    "zero conversions treatment": two((200, 10), (200, 0)),
    "all converted both": two((50, 50), (50, 50)),
    "all converted control": two((20, 20), (20, 15)),
    "all converted treatment small": two((7, 3), (9, 9)),
    "one conversion vs none": two((1000, 1), (1000, 0)),
    "small counts 30": two((30, 2), (30, 8)),
    "small unequal": two((10, 1), (12, 4)),
    "rare 500": two((500, 5), (500, 12)),
    "half rate 250": two((250, 125), (250, 140)),
    "unequal arms": two((5000, 400), (1500, 140)),
    "weights 80/20": two((8000, 640), (2000, 180), weights=[0.8, 0.2]),
    "confidence 0.90": two((2000, 200), (2000, 235), confidence=0.9),
    "confidence 0.99": two((2000, 200), (2000, 260), confidence=0.99),
    "control is B": {"variants": [{"key": "A", "visitors": 1000, "conversions": 110}, {"key": "B", "visitors": 1000, "conversions": 100}], "control": "B"},
    "planned 5000": two((4000, 200), (4000, 250), plannedVisitorsPerVariant=5000),
    "fixed horizon": two((4000, 400), (4000, 450), sequential=False),
    "negative lift 100k": two((100000, 2500), (100000, 2400)),
    "srm 10k vs 9k": two((10000, 1000), (9000, 900)),
    "huge 1e6 at 10%": two((1000000, 100000), (1000000, 100300)),
    "huge 1e7 at 10%": two((10000000, 1000000), (10000000, 1003000)),
    "huge 2e6 at 50%": two((2000000, 1000000), (2000000, 1001000)),
    "huge 5e6 at 0.1%": two((5000000, 5000), (5000000, 5300)),
    "huge 1e7 few conversions (Fisher)": two((10000000, 10), (10000000, 3)),
    "huge near 100%": two((1000000, 999000), (1000000, 998900)),
}

MULTI_ARM = {
    "three arms rising": many((1000, 100), (1000, 115), (1000, 130)),
    "four arms one worse": many((4000, 400), (4000, 440), (4000, 350), (4000, 420)),
    "five arms 1e6 each": many(*[(1000000, 100000 + 300 * i) for i in range(5)]),
    "three arms one with no conversions": many((500, 20), (500, 0), (500, 31)),
    "three arms tiny": many((5, 1), (5, 2), (5, 0)),
    "three arms one without visitors (srm)": many((1000, 100), (1000, 120), (0, 0)),
    "five arms unequal weights": many((4000, 200), (2000, 110), (2000, 95), (1000, 70), (1000, 48), weights=[0.4, 0.2, 0.2, 0.1, 0.1]),
    "five arms srm": many((5200, 500), (4800, 520), (5000, 480), (5000, 530), (5000, 505)),
    "three arms control C, 0.99": {**many((3000, 300), (3000, 345), (3000, 280)), "control": "C", "confidence": 0.99},
}

SAMPLE_SIZES = [
    {"baselineRate": 0.1, "relativeMde": 0.2},
    {"baselineRate": 0.1, "relativeMde": 0.1},
    {"baselineRate": 0.05, "relativeMde": 0.1, "dailyVisitors": 3000},
    {"baselineRate": 0.02, "relativeMde": 0.15, "alpha": 0.01, "power": 0.9},
    {"baselineRate": 0.3, "relativeMde": 0.05, "variants": 3},
    {"baselineRate": 0.1, "relativeMde": 0.2, "variants": 5, "dailyVisitors": 1234},
    {"baselineRate": 0.5, "relativeMde": 0.5},
    {"baselineRate": 0.001, "relativeMde": 0.3, "power": 0.95},
    {"baselineRate": 0.03, "relativeMde": 0.25, "variants": 4, "alpha": 0.1},
]


def main():
    cases = []
    for name, case in {**TWO_ARM, **MULTI_ARM}.items():
        cases.append({"name": name, "input": case, "expected": analyze(case)})
    sizes = [{"input": req, "expected": sample_size(req)} for req in SAMPLE_SIZES]
    doc = {
        "generatedBy": "app/statistics/reference/make-reference.py",
        "scipy": scipy.__version__,
        "twoArmCases": len(TWO_ARM),
        "multiArmCases": len(MULTI_ARM),
        "cases": cases,
        "sampleSizes": sizes,
    }
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
