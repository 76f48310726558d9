//! Elements as raw bytes, for writing them out.
//!
//! Reading goes the other way through `bytemuck` on concrete types (and through a `u8`
//! buffer for `bool`, whose byte must be 0 or 1); writing works for any [`Element`], which
//! is `bytemuck::NoUninit`: every byte of it is initialised.

use numerust_core::Element;

/// The bytes of `elements`, in memory order.
pub(crate) fn as_bytes<T: Element>(elements: &[T]) -> &[u8] {
    bytemuck::cast_slice(elements)
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
