//! Element-wise operations on one chunk of [`LANES`] floats, the unit the
//! Viterbi pass works in. On x86-64 they use SSE (part of the baseline, so
//! always present); elsewhere plain loops. Both give bit-identical results.

/// Floats per chunk.
pub(crate) const LANES: usize = 8;

/// `acc[k] = max(acc[k], p + row[k])`, where max keeps `acc[k]` unless the
/// sum is strictly greater (so a NaN sum never wins).
#[inline(always)]
pub(crate) fn max_plus(acc: &mut [f32; LANES], p: f32, row: &[f32; LANES]) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_add_ps, _mm_loadu_ps, _mm_max_ps, _mm_set1_ps, _mm_storeu_ps};
        // SAFETY: SSE is enabled on every x86-64 target; the pointers come
        // from arrays of exactly LANES = 8 floats, read and written as two
        // unaligned 4-float vectors at offsets 0 and 4.
        unsafe {
            let pv = _mm_set1_ps(p);
            let lo = _mm_add_ps(pv, _mm_loadu_ps(row.as_ptr()));
            let hi = _mm_add_ps(pv, _mm_loadu_ps(row.as_ptr().add(4)));
            // _mm_max_ps(a, b) is `a > b ? a : b`, the scalar rule below
            let a_lo = _mm_max_ps(lo, _mm_loadu_ps(acc.as_ptr()));
            let a_hi = _mm_max_ps(hi, _mm_loadu_ps(acc.as_ptr().add(4)));
            _mm_storeu_ps(acc.as_mut_ptr(), a_lo);
            _mm_storeu_ps(acc.as_mut_ptr().add(4), a_hi);
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    for k in 0..LANES {
        let v = p + row[k];
        acc[k] = if v > acc[k] { v } else { acc[k] };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_plus_matches_the_scalar_rule() {
        let row = [1.0, -2.0, f32::NAN, 0.5, -0.0, 3.0, f32::NEG_INFINITY, 7.0];
        let start = [0.0, 0.0, 1.0, f32::NAN, 0.0, 10.0, -1.0, f32::NEG_INFINITY];
        for p in [0.0f32, 1.5, -4.0, f32::NEG_INFINITY] {
            let mut acc = start;
            max_plus(&mut acc, p, &row);
            for k in 0..LANES {
                let v = p + row[k];
                let want = if v > start[k] { v } else { start[k] };
                assert_eq!(acc[k].to_bits(), want.to_bits(), "p {p} lane {k}");
            }
        }
    }
}
