//! Limited-memory BFGS with a backtracking (Armijo) line search, and its
//! orthant-wise variant OWL-QN for an L1 term (Andrew & Gao 2007).
//! Every vector operation runs sequentially in index order: deterministic.

/// Minimiser settings.
#[derive(Debug, Clone)]
pub(crate) struct Params {
    pub memory: usize,
    pub epsilon: f64,
    pub period: usize,
    pub delta: f64,
    pub max_iterations: usize,
    pub c1: f64,
    pub max_linesearch: usize,
}

/// Why the minimiser stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// The gradient norm fell below `epsilon` (relative to the weights).
    Converged,
    /// The loss improved by less than `delta` over `period` iterations.
    Stalled,
    /// `max_iterations` were done.
    MaxIterations,
    /// No step along the search direction lowered the loss.
    LineSearchFailed,
}

/// One iteration's state, for progress reports.
#[derive(Debug, Clone, Copy)]
pub struct Iteration {
    pub iteration: usize,
    pub loss: f64,
    pub gradient_norm: f64,
    pub step: f64,
    pub evaluations: usize,
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn l1(x: &[f64]) -> f64 {
    x.iter().map(|v| v.abs()).sum()
}

fn pseudo_gradient(x: &[f64], g: &[f64], c1: f64, pg: &mut [f64]) {
    if c1 <= 0.0 {
        pg.copy_from_slice(g);
        return;
    }
    for i in 0..x.len() {
        let (xi, gi) = (x[i], g[i]);
        pg[i] = if xi < 0.0 {
            gi - c1
        } else if xi > 0.0 || gi + c1 < 0.0 {
            gi + c1
        } else if gi - c1 > 0.0 {
            gi - c1
        } else {
            0.0
        };
    }
}

/// Minimises `f(x) + c1·|x|₁` from `x`; `f` writes its gradient.
pub(crate) fn minimize(
    x: &mut [f64],
    f: &mut dyn FnMut(&[f64], &mut [f64]) -> f64,
    p: &Params,
    progress: &mut dyn FnMut(&Iteration),
) -> (StopReason, usize, f64) {
    let n = x.len();
    let owl = p.c1 > 0.0;
    let mut g = vec![0.0; n];
    let mut fx = f(x, &mut g);
    let mut evals = 1;
    if owl {
        fx += p.c1 * l1(x);
    }
    let mut pg = vec![0.0; n];
    pseudo_gradient(x, &g, p.c1, &mut pg);
    let gnorm = dot(&pg, &pg).sqrt();
    if n == 0 || gnorm / dot(x, x).sqrt().max(1.0) <= p.epsilon {
        return (StopReason::Converged, 0, fx);
    }
    let mut d: Vec<f64> = pg.iter().map(|v| -v).collect();
    let mut step = 1.0 / dot(&d, &d).sqrt();
    let m = p.memory.max(1);
    let mut s_hist: Vec<Vec<f64>> = Vec::with_capacity(m);
    let mut y_hist: Vec<Vec<f64>> = Vec::with_capacity(m);
    let mut rho: Vec<f64> = Vec::with_capacity(m);
    let mut alpha = vec![0.0; m];
    let mut xp = vec![0.0; n];
    let mut gp = vec![0.0; n];
    let mut past = Vec::new();
    for k in 1..=p.max_iterations.max(1) {
        xp.copy_from_slice(x);
        gp.copy_from_slice(&g);
        let fp = fx;
        let mut dginit = dot(&d, &pg);
        if dginit >= 0.0 || !dginit.is_finite() {
            // not a descent direction: restart from steepest descent
            s_hist.clear();
            y_hist.clear();
            rho.clear();
            for i in 0..n {
                d[i] = -pg[i];
            }
            dginit = dot(&d, &pg);
            step = 1.0 / dot(&d, &d).sqrt().max(1e-300);
        }
        let mut ls = 0;
        loop {
            for i in 0..n {
                x[i] = xp[i] + step * d[i];
            }
            if owl {
                for i in 0..n {
                    let orthant = if xp[i] != 0.0 {
                        xp[i].signum()
                    } else if pg[i] != 0.0 {
                        -pg[i].signum()
                    } else {
                        0.0
                    };
                    if x[i] * orthant <= 0.0 {
                        x[i] = 0.0;
                    }
                }
            }
            fx = f(x, &mut g);
            evals += 1;
            if owl {
                fx += p.c1 * l1(x);
            }
            ls += 1;
            let dgtest = if owl {
                (0..n).map(|i| (x[i] - xp[i]) * pg[i]).sum()
            } else {
                step * dginit
            };
            if fx.is_finite() && fx <= fp + 1e-4 * dgtest {
                break;
            }
            if ls >= p.max_linesearch {
                x.copy_from_slice(&xp);
                return (StopReason::LineSearchFailed, k, fp);
            }
            step *= 0.5;
        }
        pseudo_gradient(x, &g, p.c1, &mut pg);
        let gnorm = dot(&pg, &pg).sqrt();
        progress(&Iteration {
            iteration: k,
            loss: fx,
            gradient_norm: gnorm,
            step,
            evaluations: evals,
        });
        if gnorm / dot(x, x).sqrt().max(1.0) <= p.epsilon {
            return (StopReason::Converged, k, fx);
        }
        if p.period > 0 {
            if past.len() >= p.period {
                let old: f64 = past[past.len() - p.period];
                if (old - fx) / fx.abs().max(1e-300) < p.delta {
                    return (StopReason::Stalled, k, fx);
                }
            }
            past.push(fx);
        }
        if k >= p.max_iterations {
            return (StopReason::MaxIterations, k, fx);
        }
        // new curvature pair (history kept oldest first)
        let (mut s, mut y) = if s_hist.len() == m {
            rho.remove(0);
            (s_hist.remove(0), y_hist.remove(0))
        } else {
            (Vec::new(), Vec::new())
        };
        s.clear();
        y.clear();
        s.extend((0..n).map(|i| x[i] - xp[i]));
        y.extend((0..n).map(|i| g[i] - gp[i]));
        let ys = dot(&y, &s);
        let yy = dot(&y, &y);
        s_hist.push(s);
        y_hist.push(y);
        rho.push(1.0 / ys);
        // two-loop recursion on −pg
        for i in 0..n {
            d[i] = -pg[i];
        }
        let cnt = s_hist.len();
        for idx in (0..cnt).rev() {
            alpha[idx] = rho[idx] * dot(&s_hist[idx], &d);
            let a = alpha[idx];
            for (di, yi) in d.iter_mut().zip(&y_hist[idx]) {
                *di -= a * yi;
            }
        }
        let gamma = if yy > 0.0 && ys > 0.0 { ys / yy } else { 1.0 };
        for di in d.iter_mut() {
            *di *= gamma;
        }
        for idx in 0..cnt {
            let b = rho[idx] * dot(&y_hist[idx], &d);
            let a = alpha[idx];
            for (di, si) in d.iter_mut().zip(&s_hist[idx]) {
                *di += (a - b) * si;
            }
        }
        if owl {
            for i in 0..n {
                if d[i] * pg[i] >= 0.0 {
                    d[i] = 0.0;
                }
            }
        }
        if ys <= 0.0 || ys.is_nan() {
            // bad curvature: forget the history
            s_hist.clear();
            y_hist.clear();
            rho.clear();
            for i in 0..n {
                d[i] = -pg[i];
            }
        }
        step = 1.0;
    }
    (StopReason::MaxIterations, p.max_iterations, fx)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(c1: f64) -> Params {
        Params {
            memory: 5,
            epsilon: 1e-8,
            period: 0,
            delta: 0.0,
            max_iterations: 500,
            c1,
            max_linesearch: 60,
        }
    }

    #[test]
    fn minimises_rosenbrock() {
        let mut x = vec![-1.2, 1.0];
        let mut f = |x: &[f64], g: &mut [f64]| {
            let (a, b) = (x[0], x[1]);
            g[0] = -2.0 * (1.0 - a) - 400.0 * a * (b - a * a);
            g[1] = 200.0 * (b - a * a);
            (1.0 - a).powi(2) + 100.0 * (b - a * a).powi(2)
        };
        let (_, _, fx) = minimize(&mut x, &mut f, &params(0.0), &mut |_| {});
        assert!(fx < 1e-8, "{fx}");
        assert!(
            (x[0] - 1.0).abs() < 1e-3 && (x[1] - 1.0).abs() < 1e-3,
            "{x:?}"
        );
    }

    #[test]
    fn l1_zeroes_small_coordinates() {
        // f = Σ (x_i − t_i)²; with c1 = 1 the optimum is soft-thresholding at 0.5
        let t = [2.0, 0.3, -0.2, -3.0];
        let mut x = vec![0.0; 4];
        let mut f = |x: &[f64], g: &mut [f64]| {
            let mut s = 0.0;
            for i in 0..4 {
                g[i] = 2.0 * (x[i] - t[i]);
                s += (x[i] - t[i]).powi(2);
            }
            s
        };
        minimize(&mut x, &mut f, &params(1.0), &mut |_| {});
        let want = [1.5, 0.0, 0.0, -2.5];
        for i in 0..4 {
            assert!((x[i] - want[i]).abs() < 1e-4, "{x:?}");
        }
    }
}
