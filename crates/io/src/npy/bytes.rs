//! Elements as raw bytes, for writing them out: the one `unsafe` step of the `.npy` writer.
//!
//! Reading goes the other way through `bytemuck` on concrete types (and through a `u8`
//! buffer for `bool`, whose byte must be 0 or 1); writing works for a generic
//! [`Element`], which `bytemuck` cannot see is plain data, hence this function.

use numerust_core::Element;

/// The bytes of `elements`, in memory order.
///
/// Sound for every [`Element`]: the trait is sealed to `bool`, the fixed-size integers and
/// floats and `Complex<f32>`/`Complex<f64>` (`#[repr(C)]` pairs of floats), none of which
/// has padding or uninitialised bytes, so every byte of a slice of them is an initialised
/// `u8` (what `bytemuck::NoUninit` states for each of them).
pub(crate) fn as_bytes<T: Element>(elements: &[T]) -> &[u8] {
    // SAFETY: see above: `T` has no padding or uninitialised bytes; `u8` has alignment 1;
    // the length is the slice's size in bytes; the borrow keeps the elements alive and
    // unwritten for the returned lifetime.
    unsafe { std::slice::from_raw_parts(elements.as_ptr().cast::<u8>(), size_of_val(elements)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use numerust_core::Complex;

    #[test]
    fn bytes_are_native() {
        assert_eq!(as_bytes(&[1.5f64]), &1.5f64.to_ne_bytes());
        assert_eq!(as_bytes(&[true, false]), &[1, 0]);
        let c = [Complex::new(1f32, -2.0)];
        assert_eq!(as_bytes(&c), bytemuck::cast_slice::<_, u8>(&c));
        assert!(as_bytes::<u16>(&[]).is_empty());
    }
}
