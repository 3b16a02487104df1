# Fits the rational function of the widened float GELU kernels (generator/FusedActivations.Generator/Emitting/
# VectorMath/NormalTailRational.cs): Q(t) = erfc(t / sqrt 2) / 2 = exp(-t^2/2) P(t) / D(t) for t in [0, T], one piece,
# and measures its error after the coefficients are rounded to double.
# Needs python3 with mpmath only: python3 generator/tools/fit_normal_tail_rational.py [M N ...]  (about 10 s per fit;
# without arguments the kernels' degrees 5, 6). Output of `5 6` (the coefficients in NormalTailRational.cs):
#   P degree 5, D degree 6 on t in [0, 15.0]: fit 2^-33.4, rounded to double 2^-33.4 (max relative error), Horner condition 1
#
# R(t) = Q(t) exp(t^2/2) (Mills' ratio over sqrt(2 pi)) is smooth on [0, infinity), 1/2 at 0 and about 1/(t sqrt(2 pi))
# for large t, so a rational function with deg D = deg P + 1 follows it on the whole range. The fit minimizes the
# maximum relative error |P/D - R| / R: Sanathanan-Koerner iteration (the linearized error P - R D divided by the
# previous D) with Lawson's weights (each point's weight grows with its error), at 50 digits, in u = t / T for
# conditioning; the coefficients are then scaled to powers of t, rounded to double, and the relative error of the
# rounded P/D (evaluated exactly) is measured on 6001 equally spaced points. All coefficients come out positive, so
# Horner's rule in double adds no more than a few 2^-53 (condition number 1, printed).
import sys
import mpmath as mp
mp.mp.dps = 50

T = mp.mpf(15)  # the kernel clamps |x| to 15: 15 Q(15) is below 2^-163, so every float result beyond is 0 or x


def Q(t): return mp.erfc(t / mp.sqrt(2)) / 2
def R(t): return Q(t) * mp.exp(t * t / 2)


def fit(m, n, points=400, iterations=60):
    us = [(1 - mp.cos(mp.pi * (j + mp.mpf(0.5)) / points)) / 2 for j in range(points)]  # Chebyshev points in [0, 1]
    rs = [R(u * T) for u in us]
    weights = [mp.mpf(1)] * points
    previous = [mp.mpf(1)] * points
    best = None
    k = m + 1 + n
    for _ in range(iterations):
        # Least squares for p_0..p_m, d_1..d_n (d_0 = 1): minimize sum w (P - R D)^2 / (R D_previous)^2.
        a = mp.matrix(k, k)
        b = mp.matrix(k, 1)
        for j in range(points):
            u, r = us[j], rs[j]
            omega = weights[j] / (r * previous[j]) ** 2
            row = [u ** i for i in range(m + 1)] + [-r * u ** i for i in range(1, n + 1)]
            for i in range(k):
                b[i] += omega * row[i] * r
                for c in range(i, k):
                    a[i, c] += omega * row[i] * row[c]
        for i in range(k):
            for c in range(i):
                a[i, c] = a[c, i]
        x = mp.lu_solve(a, b)
        p = [x[i] for i in range(m + 1)]
        d = [mp.mpf(1)] + [x[m + 1 + i] for i in range(n)]
        errors = []
        for j in range(points):
            previous[j] = mp.polyval(d[::-1], us[j])
            errors.append(mp.polyval(p[::-1], us[j]) / previous[j] / rs[j] - 1)
        worst = max(abs(e) for e in errors)
        if best is None or worst < best[0]:
            best = (worst, p, d)
        total = sum(weights[j] * abs(errors[j]) for j in range(points))
        weights = [weights[j] * abs(errors[j]) / total * points for j in range(points)]
    return best


def report(m, n):
    fitted, p, d = fit(m, n)
    pt = [float(p[i] / T ** i) for i in range(m + 1)]
    dt = [float(d[i] / T ** i) for i in range(n + 1)]
    worst = mp.mpf(0)
    condition = 0.0
    samples = 6000
    for j in range(samples + 1):
        t = T * mp.mpf(j) / samples
        pv = mp.polyval([mp.mpf(c) for c in pt[::-1]], t)
        dv = mp.polyval([mp.mpf(c) for c in dt[::-1]], t)
        worst = max(worst, abs(pv / dv / R(t) - 1))
        for coefficients, value in ((pt, pv), (dt, dv)):
            condition = max(condition, float(sum(abs(mp.mpf(c)) * t ** i for i, c in enumerate(coefficients)) / abs(value)))
    print(f'// P degree {m}, D degree {n} on t in [0, {T}]: fit 2^{float(mp.log(fitted, 2)):.1f}, '
          f'rounded to double 2^{float(mp.log(worst, 2)):.1f} (max relative error), Horner condition {condition:.3g}')
    print('P: ' + ', '.join(repr(c) for c in pt))
    print('D: ' + ', '.join(repr(c) for c in dt))


degrees = [int(a) for a in sys.argv[1:]] or [5, 6]  # the kernels' degrees; 6 7 for 2^-39.6
for i in range(0, len(degrees), 2):
    report(degrees[i], degrees[i + 1])
