//! Element-wise operations on one chunk of [`LANES`] floats, the unit the
//! tagger works in. The Viterbi maximum is a [`Kernel`]: SSE intrinsics on
//! every x86-64 build, or AVX ones (one 256-bit instruction per chunk) when
//! [`Avx::detect`] finds AVX; the sums are plain loops that the compiler
//! vectorises, also with AVX inside the tagger's AVX copy. Every lane is
//! computed on its own, in the same order, so all copies give bit-identical
//! results.

/// Floats per chunk.
pub(crate) const LANES: usize = 8;

/// The operation the Viterbi pass repeats, on one instruction set. A value
/// of a kernel type proves that the CPU can run it.
pub(crate) trait Kernel: Copy {
    /// `acc[k] = max(acc[k], p + row[k])`, where max keeps `acc[k]` unless
    /// the sum is strictly greater (so a NaN sum never wins).
    fn max_plus(self, acc: &mut [f32; LANES], p: f32, row: &[f32; LANES]);
}

/// The target's baseline: SSE on x86-64 (always present), plain loops
/// elsewhere.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Base;

impl Kernel for Base {
    #[inline(always)]
    fn max_plus(self, acc: &mut [f32; LANES], p: f32, row: &[f32; LANES]) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{
                _mm_add_ps, _mm_loadu_ps, _mm_max_ps, _mm_set1_ps, _mm_storeu_ps,
            };
            // SAFETY: SSE is enabled on every x86-64 target; the pointers
            // come from arrays of exactly LANES = 8 floats, read and written
            // as two unaligned 4-float vectors at offsets 0 and 4.
            unsafe {
                let pv = _mm_set1_ps(p);
                let lo = _mm_add_ps(pv, _mm_loadu_ps(row.as_ptr()));
                let hi = _mm_add_ps(pv, _mm_loadu_ps(row.as_ptr().add(4)));
                // _mm_max_ps(a, b) is `a > b ? a : b`, the rule above
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
}

/// 256-bit AVX: one instruction per chunk. Only [`Avx::detect`] makes one.
#[cfg(target_arch = "x86_64")]
#[derive(Debug, Clone, Copy)]
pub(crate) struct Avx {
    _checked: (),
}

#[cfg(target_arch = "x86_64")]
impl Avx {
    /// An AVX kernel if this CPU has AVX (std caches the check).
    #[inline]
    pub(crate) fn detect() -> Option<Avx> {
        std::arch::is_x86_feature_detected!("avx").then_some(Avx { _checked: () })
    }
}

#[cfg(target_arch = "x86_64")]
impl Kernel for Avx {
    #[inline(always)]
    fn max_plus(self, acc: &mut [f32; LANES], p: f32, row: &[f32; LANES]) {
        // SAFETY: an `Avx` value exists only if the CPU has AVX.
        unsafe { avx_max_plus(acc, p, row) }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
#[inline]
unsafe fn avx_max_plus(acc: &mut [f32; LANES], p: f32, row: &[f32; LANES]) {
    use std::arch::x86_64::{
        _mm256_add_ps, _mm256_loadu_ps, _mm256_max_ps, _mm256_set1_ps, _mm256_storeu_ps,
    };
    // SAFETY: the pointers come from arrays of exactly LANES = 8 floats,
    // read and written as one unaligned 8-float vector.
    unsafe {
        let sum = _mm256_add_ps(_mm256_set1_ps(p), _mm256_loadu_ps(row.as_ptr()));
        // _mm256_max_ps(a, b) is `a > b ? a : b`, the rule of `max_plus`
        let m = _mm256_max_ps(sum, _mm256_loadu_ps(acc.as_ptr()));
        _mm256_storeu_ps(acc.as_mut_ptr(), m);
    }
}

/// `acc[k] += row[k]`.
#[inline(always)]
pub(crate) fn add(acc: &mut [f32; LANES], row: &[f32; LANES]) {
    for k in 0..LANES {
        acc[k] += row[k];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(kernel: impl Kernel) {
        let row = [1.0, -2.0, f32::NAN, 0.5, -0.0, 3.0, f32::NEG_INFINITY, 7.0];
        let start = [0.0, 0.0, 1.0, f32::NAN, 0.0, 10.0, -1.0, f32::NEG_INFINITY];
        for p in [0.0f32, 1.5, -4.0, f32::NEG_INFINITY] {
            let mut acc = start;
            kernel.max_plus(&mut acc, p, &row);
            for k in 0..LANES {
                let v = p + row[k];
                let want = if v > start[k] { v } else { start[k] };
                assert_eq!(acc[k].to_bits(), want.to_bits(), "p {p} lane {k}");
            }
        }
    }

    #[test]
    fn max_plus_keeps_the_accumulator_unless_the_sum_is_greater() {
        check(Base);
        #[cfg(target_arch = "x86_64")]
        if let Some(avx) = Avx::detect() {
            check(avx);
        }
    }
}
