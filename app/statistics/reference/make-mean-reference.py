#!/usr/bin/python3
"""Independent reference values for the mean metric, app/statistics/mean.ts (checked by mean-reference.test.ts).

Run: /usr/bin/python3 app/statistics/reference/make-mean-reference.py   (needs python3-scipy and python3-statsmodels)

Nothing here is ported from the TypeScript. Most cases start from per-visitor values (zero-inflated lognormal deal
values, seeded), and the expected numbers come from the raw values, not from the sums the TypeScript sees:
- Welch's test: scipy.stats.ttest_ind(equal_var=False), whose p-value uses the Welch–Satterthwaite degrees of freedom;
- the interval of the difference: statsmodels CompareMeans.tconfint_diff(usevar="unequal");
- the per-variant interval: statsmodels DescrStatsW.tconfint_mean;
- Holm: statsmodels multipletests(method="holm"); SRM: scipy.stats.chisquare;
- the relative lift: the textbook delta method for a ratio of independent means, the gradient (1/m_c, -m_t/m_c^2)
  against the diagonal covariance (s_t^2/n_t, s_c^2/n_c), with scipy's t quantile at the Welch degrees of freedom;
- the sequential p-value: found by root-finding (brentq) on the confidence sequence itself, not from the closed form.
Cases at 10^6 to 10^9 visitors are given as sums and use scipy.stats.ttest_ind_from_stats.
"""

import json
import math
import os

import numpy as np
import scipy
import statsmodels
from scipy import optimize, stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- data

def pipeline_values(rng, visitors, deal_rate, log_mean=6.0, log_sd=1.5):
    """Per-visitor deal values: 0 for most, lognormal for the few with a deal."""
    values = np.zeros(visitors)
    has_deal = rng.random(visitors) < deal_rate
    values[has_deal] = rng.lognormal(log_mean, log_sd, int(has_deal.sum()))
    return values


class Arm:
    """Either raw values or (n, mean, sample variance) for the sums-only cases."""

    def __init__(self, key, values=None, n=None, mean=None, var=None):
        self.key = key
        if values is not None:
            self.values = np.asarray(values, dtype=float)
            self.n = len(self.values)
            self.total = float(self.values.sum())
            self.sum_of_squares = float((self.values ** 2).sum())
            self.mean = float(self.values.mean()) if self.n else None
            self.var = float(self.values.var(ddof=1)) if self.n >= 2 else None
        else:
            self.values = None
            self.n, self.mean, self.var = n, mean, var
            self.total = n * mean
            # sum of squares that gives this sample variance exactly: (n - 1) s^2 + n m^2
            self.sum_of_squares = (n - 1) * var + n * mean * mean

    def as_input(self):
        return {"key": self.key, "visitors": self.n, "total": self.total, "sumOfSquares": self.sum_of_squares}


# ---------------------------------------------------------------- one comparison

def rho(alpha, tuning):
    return math.sqrt((-2 * math.log(alpha) + math.log(-2 * math.log(alpha) + 1)) / tuning)


def cs_radius(se, n, r, alpha):
    """Half-width of the asymptotic confidence sequence (Waudby-Smith et al. 2023, eq. 9), sigma_hat^2 = n se^2."""
    sigma2 = n * se * se
    nr2 = n * r * r
    return math.sqrt(sigma2 * 2 * (nr2 + 1) / (n * n * r * r) * math.log(math.sqrt(nr2 + 1) / alpha))


def sequential_pvalue(d, se, n, r):
    if d == 0:
        return 1.0

    def excess(log_alpha):
        return abs(d) - cs_radius(se, n, r, math.exp(log_alpha))

    if excess(0.0) <= 0:
        return 1.0
    if excess(-740.0) > 0:
        return 0.0
    return min(1.0, math.exp(optimize.brentq(excess, -740.0, 0.0, xtol=1e-15, rtol=1e-15, maxiter=500)))


def welch(t, c):
    """(p-value, df, [low, high] of the difference) at confidence 1 - alpha, from raw values when there are any."""
    if t.values is not None and c.values is not None:
        test = stats.ttest_ind(t.values, c.values, equal_var=False)
        cm = CompareMeans(DescrStatsW(t.values), DescrStatsW(c.values))
        return float(test.pvalue), lambda alpha: [float(x) for x in cm.tconfint_diff(alpha=alpha, usevar="unequal")], welch_df(t, c)
    test = stats.ttest_ind_from_stats(t.mean, math.sqrt(t.var), t.n, c.mean, math.sqrt(c.var), c.n, equal_var=False)
    df = welch_df(t, c)
    se = math.sqrt(t.var / t.n + c.var / c.n)
    d = t.mean - c.mean
    return float(test.pvalue), lambda alpha: [d - stats.t.ppf(1 - alpha / 2, df) * se, d + stats.t.ppf(1 - alpha / 2, df) * se], df


def welch_df(t, c):
    a, b = t.var / t.n, c.var / c.n
    return (a + b) ** 2 / (a * a / (t.n - 1) + b * b / (c.n - 1))


def compare(t, c, alpha, r):
    empty = {k: None for k in ["absoluteLift", "absoluteLiftCi", "relativeLift", "relativeLiftCi", "pValue", "sequentialPValue", "sequentialAbsoluteLiftCi", "sequentialRelativeLiftCi"]}
    if t.n < 2 or c.n < 2:
        return empty
    d = t.mean - c.mean
    relative = t.mean / c.mean - 1 if c.mean > 0 else None
    se = math.sqrt(t.var / t.n + c.var / c.n)
    if se == 0:
        p = 1.0 if d == 0 else None
        return {**empty, "absoluteLift": d, "relativeLift": relative, "pValue": p, "sequentialPValue": p}
    p, diff_ci, df = welch(t, c)
    n = t.n + c.n
    radius = cs_radius(se, n, r, alpha)
    out = {
        "absoluteLift": d,
        "absoluteLiftCi": diff_ci(alpha),
        "relativeLift": relative,
        "relativeLiftCi": None,
        "pValue": p,
        "sequentialPValue": sequential_pvalue(d, se, n, r),
        "sequentialAbsoluteLiftCi": [d - radius, d + radius],
        "sequentialRelativeLiftCi": None,
    }
    # The delta method needs spread in both arms (no interval while an arm has no deals) and a positive control mean.
    if relative is not None and t.var > 0 and c.var > 0:
        gradient = np.array([1 / c.mean, -t.mean / c.mean ** 2])
        covariance = np.diag([t.var / t.n, c.var / c.n])
        rel_se = math.sqrt(gradient @ covariance @ gradient)
        q = stats.t.ppf(1 - alpha / 2, df)
        out["relativeLiftCi"] = [relative - q * rel_se, relative + q * rel_se]
        seq = cs_radius(rel_se, n, r, alpha)
        out["sequentialRelativeLiftCi"] = [relative - seq, relative + seq]
    return out


def arm_interval(a, alpha):
    if a.n < 2 or a.var == 0:
        return None
    if a.values is not None:
        return [float(x) for x in DescrStatsW(a.values).tconfint_mean(alpha=alpha)]
    half = stats.t.ppf(1 - alpha / 2, a.n - 1) * math.sqrt(a.var / a.n)
    return [a.mean - half, a.mean + half]


def holm(pvalues):
    """statsmodels' Holm; a comparison without a p-value counts as p = 1 and stays null."""
    adjusted = multipletests([1.0 if p is None else p for p in pvalues], method="holm")[1]
    return [None if p is None else float(a) for p, a in zip(pvalues, adjusted)]


# ---------------------------------------------------------------- a whole analysis

def analyze(arms, confidence=0.95, control=0, planned=None, weights=None):
    alpha = 1 - confidence
    r = rho(alpha, 2 * planned if planned else 5000)
    c = arms[control]
    rows = []
    for i, a in enumerate(arms):
        row = {"key": a.key, "visitors": a.n, "mean": a.mean if a.n else None, "ci": arm_interval(a, alpha)}
        if i != control:
            row["vsControl"] = compare(a, c, alpha, r)
        rows.append(row)
    treatments = [row["vsControl"] for row in rows if "vsControl" in row]
    for name in ["pValue", "sequentialPValue"]:
        for t, adjusted in zip(treatments, holm([t[name] for t in treatments])):
            t[name + "Adjusted"] = adjusted
    total = sum(a.n for a in arms)
    w = weights or [1 / len(arms)] * len(arms)
    srm = float(stats.chisquare([a.n for a in arms], f_exp=[total * x for x in w]).pvalue) if total else None
    return {"variants": rows, "srm": {"pValue": srm}}


def case(name, arms, **options):
    request = {"variants": [a.as_input() for a in arms]}
    if "confidence" in options:
        request["confidence"] = options["confidence"]
    if "control" in options:
        request["control"] = arms[options["control"]].key
    if "planned" in options:
        request["plannedVisitorsPerVariant"] = options["planned"]
    if "weights" in options:
        request["weights"] = options["weights"]
    if options.get("sequential") is False:
        request["sequential"] = False
    analysis_options = {k: v for k, v in options.items() if k != "sequential"}
    return {"name": name, "input": request, "expected": analyze(arms, **analysis_options)}


def build_cases():
    rng = np.random.default_rng(20261206)
    v = lambda n, rate, **kw: pipeline_values(rng, n, rate, **kw)  # noqa: E731
    cases = [
        case("hand-sized 8 vs 8", [Arm("A", [0, 0, 0, 10, 20, 0, 0, 5]), Arm("B", [0, 30, 0, 0, 60, 0, 15, 0])]),
        case("1,000 per arm, 5% deals", [Arm("A", v(1000, 0.05)), Arm("B", v(1000, 0.06))]),
        case("5,000 per arm, 3% deals, σ 1.0", [Arm("A", v(5000, 0.03, log_sd=1.0)), Arm("B", v(5000, 0.036, log_sd=1.0))]),
        case("20,000 per arm, 3% deals, σ 1.5", [Arm("A", v(20000, 0.03)), Arm("B", v(20000, 0.033))]),
        case("unequal arms 8,000 vs 2,000 with weights", [Arm("A", v(8000, 0.04)), Arm("B", v(2000, 0.05))], weights=[0.8, 0.2]),
        case("confidence 0.90", [Arm("A", v(3000, 0.05)), Arm("B", v(3000, 0.06))], confidence=0.9),
        case("confidence 0.99", [Arm("A", v(3000, 0.05)), Arm("B", v(3000, 0.07))], confidence=0.99),
        case("control is B", [Arm("A", v(2000, 0.06)), Arm("B", v(2000, 0.05))], control=1),
        case("planned 10,000", [Arm("A", v(6000, 0.04)), Arm("B", v(6000, 0.05))], planned=10000),
        case("fixed horizon", [Arm("A", v(4000, 0.05)), Arm("B", v(4000, 0.06))], sequential=False, planned=4000),
        case("treatment without deals", [Arm("A", v(500, 0.05)), Arm("B", np.zeros(500))]),
        case("control without deals", [Arm("A", np.zeros(300)), Arm("B", v(300, 0.05))]),
        case("no deals at all", [Arm("A", np.zeros(400)), Arm("B", np.zeros(400))]),
        case("one visitor in an arm", [Arm("A", [120.0]), Arm("B", v(50, 0.2))]),
        case("no visitors in an arm (srm)", [Arm("A", v(1000, 0.05)), Arm("B", []), Arm("C", v(1000, 0.05))]),
        case("three arms rising", [Arm("A", v(3000, 0.04)), Arm("B", v(3000, 0.05)), Arm("C", v(3000, 0.06))]),
        case("five arms", [Arm(k, v(2500, rate)) for k, rate in zip("ABCDE", [0.05, 0.045, 0.055, 0.06, 0.05])]),
        case("1e6 per arm, from sums", [Arm("A", n=10**6, mean=50.0, var=700.0**2), Arm("B", n=10**6, mean=52.0, var=720.0**2)]),
        case("1e9 per arm, from sums", [Arm("A", n=10**9, mean=50.0, var=700.0**2), Arm("B", n=10**9, mean=50.1, var=701.0**2)]),
        case("1e4 vs 1e7, from sums", [Arm("A", n=10**4, mean=40.0, var=500.0**2), Arm("B", n=10**7, mean=45.0, var=550.0**2)]),
    ]
    return cases


# ---------------------------------------------------------------- sample sizes (fixed horizon; the sequential drift is sample-size.ts's)

SAMPLE_SIZES = [
    {"mean": 50, "standardDeviation": 700, "relativeMde": 0.1, "sequential": False},
    {"mean": 50, "standardDeviation": 700, "relativeMde": 0.2, "sequential": False, "dailyVisitors": 5000},
    {"mean": 12.5, "standardDeviation": 160, "relativeMde": -0.1, "sequential": False},
    {"mean": 100, "standardDeviation": 900, "relativeMde": 0.15, "sequential": False, "alpha": 0.01, "power": 0.9},
    {"mean": 100, "standardDeviation": 900, "relativeMde": 0.15, "sequential": False, "variants": 4},
]


def relative_z_noise(mde):
    """Standard deviation of the relative comparison's z statistic (m_t - m_c)/sqrt(v_t + v_c (m_t/m_c)^2) around its
    mean, by numerical differentiation (central differences) in the two means: v_t = 1 + mde, v_c = 1."""
    vt, vc, mt, mc = 1 + mde, 1.0, 1 + mde, 1.0

    def z(a, b):
        return (a - b) / math.sqrt(vt + vc * (a / b) ** 2)

    h = 1e-6
    da = (z(mt + h, mc) - z(mt - h, mc)) / (2 * h)
    db = (z(mt, mc + h) - z(mt, mc - h)) / (2 * h)
    return math.sqrt(da * da * vt + db * db * vc)


def sample_size(req):
    mde, k = req["relativeMde"], req.get("variants", 2)
    alpha = req.get("alpha", 0.05) / (k - 1)
    z_beta = stats.norm.ppf(req.get("power", 0.8))
    # variance of the deciding comparison with sigma_t^2 = sigma^2 (1 + mde), in units of sigma^2 / m_c^2: the
    # relative one for a gain (its z has less noise, so only z_beta times that noise is needed), the absolute for a loss
    if mde > 0:
        variance, noise = (1 + mde) + (1 + mde) ** 2, relative_z_noise(mde)
    else:
        variance, noise = (1 + mde) + 1, 1.0
    expected_z = stats.norm.isf(alpha / 2) + z_beta * noise
    n = expected_z ** 2 * variance * req["standardDeviation"] ** 2 / (req["mean"] * mde) ** 2
    per = max(100, math.ceil(n - 1e-9))
    out = {"visitorsPerVariant": per, "totalVisitors": per * k}
    if "dailyVisitors" in req:
        out["days"] = math.ceil(per * k / req["dailyVisitors"])
    return out


def main():
    doc = {
        "generatedBy": "app/statistics/reference/make-mean-reference.py",
        "scipy": scipy.__version__,
        "statsmodels": statsmodels.__version__,
        "cases": build_cases(),
        "sampleSizes": [{"input": req, "expected": sample_size(req)} for req in SAMPLE_SIZES],
    }
    with open(os.path.join(HERE, "mean-reference.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
