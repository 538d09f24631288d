"""40-digit values for the precision tests in bayes.test.ts and fisher-exact.test.ts.

Run with any Python that has mpmath (it is not in Debian's python3-scipy):  python3 series-mpmath.py

Evan Miller's series for P(X > Y) is summed in 40-digit arithmetic, and so is the two-sided
Fisher test, so these values check the floating-point accuracy of the TypeScript. The formulas
themselves are checked against scipy quadrature in make-reference.py.
"""

import mpmath as mp

mp.mp.dps = 40


def log_beta(a, b):
    return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)


def sum_series(a1, b1, a2, b2):
    """sum_{i < a1} B(a2+i, b1+b2) / ((b1+i) B(1+i, b1) B(a2, b2)), top term first, stopped at 1e-30."""
    last = a1 - 1
    log_top = log_beta(a2 + last, b1 + b2) - mp.log(b1 + last) - log_beta(1 + last, b1) - log_beta(a2, b2)
    term, total, i = mp.mpf(1), mp.mpf(1), last
    while i > 0:
        term *= mp.mpf((a2 + b1 + b2 + i - 1) * i) / ((a2 + i - 1) * (b1 + i - 1))
        total += term
        if term < total * mp.mpf(10) ** -30:
            break
        i -= 1
    return mp.exp(log_top) * total


def probability_to_beat(x, y):
    """P(X > Y) for X ~ Beta(*x), Y ~ Beta(*y): the side below one half, then symmetry."""
    def smaller(x, y):
        return sum_series(x[0], x[1], y[0], y[1]) if x[0] <= y[1] else sum_series(y[1], y[0], x[1], x[0])

    if mp.mpf(x[0]) / (x[0] + x[1]) > mp.mpf(y[0]) / (y[0] + y[1]):
        return 1 - smaller(y, x)
    return smaller(x, y)


def fisher_two_sided(a, b, c, d):
    r1, c1, n = a + b, a + c, a + b + c + d
    pmf = lambda x: mp.binomial(c1, x) * mp.binomial(n - c1, r1 - x) / mp.binomial(n, r1)
    observed = pmf(a)
    return sum(p for p in (pmf(x) for x in range(max(0, r1 + c1 - n), min(r1, c1) + 1)) if p <= observed * (1 + mp.mpf(10) ** -7))


for x, y in [
    ((100001, 900001), (100301, 899701)),
    ((1000001, 1000001), (1001001, 999001)),
    ((1000001, 9000001), (1003001, 8997001)),
    ((5301, 4994701), (5001, 4995001)),
    ((500031624, 499968378), (500000001, 500000001)),
]:
    print("P(Beta%s > Beta%s) =" % (x, y), mp.nstr(probability_to_beat(x, y), 20))

for table in [(3, 1, 1, 3), (8, 2, 1, 5), (1, 9, 11, 3), (0, 10, 10, 0), (2, 999998, 9, 999991)]:
    print("Fisher%s =" % (table,), mp.nstr(fisher_two_sided(*table), 20))
