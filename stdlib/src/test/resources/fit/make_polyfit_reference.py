#!/usr/bin/python3
"""Reference for PolynomialFitTest: least-squares polynomials of degree 1-3 and their standard errors computed in
exact rational arithmetic (fractions.Fraction: normal equations solved exactly, s² = RSS/(n − d − 1)), so the
reference carries no rounding. numpy.polyfit(cov=True) agrees for degrees 1-2 to 1e-8 but loses ~1e-3 of the
degree-3 errors to the conditioning of its unscaled normal matrix, so it is printed only as a comment.
Run: /usr/bin/python3 make_polyfit_reference.py > polyfit_reference.csv"""
from fractions import Fraction as F
import math
import numpy as np
xs = "5.38 5.40 5.43 5.45 5.48 5.50 5.53 5.56".split()
ys = "-15.8101 -15.8263 -15.8419 -15.8467 -15.8512 -15.8499 -15.8391 -15.8215".split()
x = [F(s) for s in xs]
y = [F(s) for s in ys]
print("# exact rational least squares; coefficients lowest power first, then standard errors")
print("x," + ",".join(xs))
print("y," + ",".join(ys))
for deg in (1, 2, 3):
    p = deg + 1
    a = [[xi ** k for k in range(p)] for xi in x]
    n = [[sum(a[i][r] * a[i][c] for i in range(len(x))) for c in range(p)] + [F(int(r == c)) for c in range(p)] for r in range(p)]
    b = [sum(a[i][r] * y[i] for i in range(len(x))) for r in range(p)]
    for c in range(p):
        piv = next(r for r in range(c, p) if n[r][c] != 0)
        n[c], n[piv] = n[piv], n[c]
        pv = n[c][c]
        n[c] = [v / pv for v in n[c]]
        for r in range(p):
            if r != c and n[r][c] != 0:
                f = n[r][c]
                n[r] = [u - f * w for u, w in zip(n[r], n[c])]
    inv = [row[p:] for row in n]
    coef = [sum(inv[r][c] * b[c] for c in range(p)) for r in range(p)]
    rss = sum((y[i] - sum(coef[k] * a[i][k] for k in range(p))) ** 2 for i in range(len(x)))
    s2 = rss / (len(x) - p)
    print(f"coef{deg}," + ",".join(repr(float(c)) for c in coef))
    print(f"err{deg}," + ",".join(repr(math.sqrt(float(inv[k][k] * s2))) for k in range(p)))
    c, cov = np.polyfit([float(v) for v in x], [float(v) for v in y], deg, cov=True)
    print(f"# numpy {np.__version__} polyfit deg {deg}: " + " ".join(repr(v) for v in c[::-1]) + " errors " + " ".join(repr(v) for v in np.sqrt(np.diag(cov))[::-1]))
