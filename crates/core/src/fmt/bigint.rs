//! Unsigned big integers, just enough for Dragon4's exact digit generation: add, subtract,
//! multiply, shift, powers of 2 and 10, and division with a one-digit quotient.
//!
//! Owns no policy; `dragon4.rs` decides what to compute. Performance is secondary: a float
//! needs a few dozen operations on numbers of at most ~35 limbs (2^1100).

use std::cmp::Ordering;

/// An unsigned big integer: little-endian 32-bit limbs, no zero limb at the top.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Big {
    pub(crate) limbs: Vec<u32>,
}

impl Big {
    pub(crate) fn from_u64(v: u64) -> Big {
        let mut b = Big {
            limbs: vec![v as u32, (v >> 32) as u32],
        };
        b.trim();
        b
    }

    /// `2^n`.
    pub(crate) fn pow2(n: u32) -> Big {
        let mut limbs = vec![0u32; (n / 32) as usize + 1];
        limbs[(n / 32) as usize] = 1 << (n % 32);
        Big { limbs }
    }

    /// `10^n`.
    pub(crate) fn pow10(mut n: u32) -> Big {
        let mut b = Big::from_u64(1);
        while n >= 9 {
            b.mul_small(1_000_000_000);
            n -= 9;
        }
        b.mul_small(10u32.pow(n));
        b
    }

    pub(crate) fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    pub(crate) fn compare(&self, other: &Big) -> Ordering {
        self.limbs
            .len()
            .cmp(&other.limbs.len())
            .then_with(|| self.limbs.iter().rev().cmp(other.limbs.iter().rev()))
    }

    pub(crate) fn add(&self, other: &Big) -> Big {
        let n = self.limbs.len().max(other.limbs.len());
        let mut limbs = Vec::with_capacity(n + 1);
        let mut carry = 0u64;
        for i in 0..n {
            let a = u64::from(*self.limbs.get(i).unwrap_or(&0));
            let b = u64::from(*other.limbs.get(i).unwrap_or(&0));
            let sum = a + b + carry;
            limbs.push(sum as u32);
            carry = sum >> 32;
        }
        if carry != 0 {
            limbs.push(carry as u32);
        }
        Big { limbs }
    }

    /// `self -= other`; requires `self >= other`.
    pub(crate) fn sub_assign(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.limbs.len() {
            let b = i64::from(*other.limbs.get(i).unwrap_or(&0));
            let mut diff = i64::from(self.limbs[i]) - b - borrow;
            borrow = 0;
            if diff < 0 {
                diff += 1 << 32;
                borrow = 1;
            }
            self.limbs[i] = diff as u32;
        }
        debug_assert_eq!(borrow, 0, "Big::sub_assign underflow");
        self.trim();
    }

    pub(crate) fn mul(&self, other: &Big) -> Big {
        let mut limbs = vec![0u32; self.limbs.len() + other.limbs.len()];
        for (i, &a) in self.limbs.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in other.limbs.iter().enumerate() {
                let t = u64::from(a) * u64::from(b) + u64::from(limbs[i + j]) + carry;
                limbs[i + j] = t as u32;
                carry = t >> 32;
            }
            limbs[i + other.limbs.len()] = carry as u32;
        }
        let mut b = Big { limbs };
        b.trim();
        b
    }

    pub(crate) fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in &mut self.limbs {
            let t = u64::from(*limb) * u64::from(m) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
        self.trim();
    }

    pub(crate) fn shl(&mut self, n: u32) {
        if self.is_zero() {
            return;
        }
        let (whole, bits) = ((n / 32) as usize, n % 32);
        if bits != 0 {
            let mut carry = 0u32;
            for limb in &mut self.limbs {
                let next = *limb >> (32 - bits);
                *limb = (*limb << bits) | carry;
                carry = next;
            }
            if carry != 0 {
                self.limbs.push(carry);
            }
        }
        self.limbs.splice(0..0, std::iter::repeat_n(0, whole));
    }

    /// Divides by `divisor` when the quotient is below 10; `self` becomes the remainder.
    pub(crate) fn div_rem_digit(&mut self, divisor: &Big) -> u32 {
        let mut q = 0;
        while self.compare(divisor) != Ordering::Less {
            self.sub_assign(divisor);
            q += 1;
        }
        debug_assert!(q < 10, "Dragon4 digit out of range");
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_arithmetic_matches_u128() {
        let a = Big::from_u64(0xdead_beef_1234_5678);
        let b = Big::from_u64(0x1234_5678_9abc);
        let p = a.mul(&b);
        let want = 0xdead_beef_1234_5678u128 * 0x1234_5678_9abc;
        assert_eq!(p.limbs.len(), 4);
        let got = p
            .limbs
            .iter()
            .rev()
            .fold(0u128, |acc, &l| (acc << 32) | u128::from(l));
        assert_eq!(got, want);
        let mut s = Big::from_u64(3);
        s.shl(70);
        assert_eq!(s.compare(&Big::pow2(70)), Ordering::Greater);
        assert_eq!(Big::pow10(20).mul(&Big::pow10(5)), Big::pow10(25));
    }
}
