//! Arithmetic ufuncs and operators against NumPy: float special values, integer wrap-around
//! and division by zero, sign rules of `%` and `//`, power, and broadcasting over layouts.

use numerust_core::ufunc::arith::{
    Arith, add, divide, floor_divide, multiply, negative, power, remainder, subtract,
};
use numerust_core::{NdArray, NdResult, s};
use numerust_testutil::npy::load_reference;

type Ufunc<T> = fn(&NdArray<T>, &NdArray<T>) -> NdResult<NdArray<T>>;

fn grid<T: Arith>(a: &[T], b: &[T]) -> (NdArray<T>, NdArray<T>) {
    let col = NdArray::from_shape_vec(&[a.len(), 1], a.to_vec()).unwrap();
    let row = NdArray::from_vec(b.to_vec());
    (col.broadcast_to(&[a.len(), b.len()]).unwrap(), row)
}

fn same_f64(got: &[f64], want: &[f64]) -> bool {
    got.len() == want.len()
        && got
            .iter()
            .zip(want)
            .all(|(g, w)| g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()))
}

fn float_ops<T: Arith<Quotient = T>>() -> [(&'static str, Ufunc<T>); 7] {
    [
        ("add", add),
        ("subtract", subtract),
        ("multiply", multiply),
        ("divide", divide),
        ("floor_divide", floor_divide),
        ("remainder", remainder),
        ("power", power),
    ]
}

#[test]
fn float_arithmetic_matches_numpy_bit_for_bit() {
    let r = load_reference("arith");
    let (a, b) = grid(&r["fa"].f64s(), &r["fb"].f64s());
    for (name, f) in float_ops::<f64>() {
        if cfg!(miri) && name == "power" {
            continue; // Miri perturbs libm's pow on purpose; the bits are checked natively.
        }
        let got = f(&a, &b).unwrap();
        let want = &r[&format!("f64_{name}")];
        assert_eq!(got.shape(), want.shape.as_slice());
        assert!(
            same_f64(&got.to_vec(), &want.f64s()),
            "f64 {name}: {:?} vs {:?}",
            got.to_vec(),
            want.f64s()
        );
    }
    let (a32, b32) = (a.astype::<f32>(), b.astype::<f32>());
    for (name, f) in float_ops::<f32>() {
        if cfg!(miri) && name == "power" {
            continue;
        }
        let got = f(&a32, &b32).unwrap().to_vec();
        let want = r[&format!("f32_{name}")].f32s();
        if name == "power" {
            // NumPy's float32 power uses SVML on AVX-512 machines, which differs from the C
            // library's powf by up to 1 ULP; elsewhere the bits are NumPy's.
            let worst = got
                .iter()
                .zip(&want)
                .map(|(g, w)| numerust_testutil::ulp::ulp_f32(*g, *w))
                .max();
            assert!(worst <= Some(1), "f32 power: {worst:?} ULP");
        } else {
            let got: Vec<f64> = got.into_iter().map(f64::from).collect();
            let want: Vec<f64> = want.into_iter().map(f64::from).collect();
            assert!(same_f64(&got, &want), "f32 {name}");
        }
    }
}

fn int_ops<T: Arith>() -> [(&'static str, Ufunc<T>); 5] {
    [
        ("add", add),
        ("subtract", subtract),
        ("multiply", multiply),
        ("floor_divide", floor_divide),
        ("remainder", remainder),
    ]
}

#[test]
fn integer_arithmetic_matches_numpy() {
    let r = load_reference("arith");
    let ia: Vec<i8> = r["ia"].i64s().into_iter().map(|x| x as i8).collect();
    let ib: Vec<i8> = r["ib"].i64s().into_iter().map(|x| x as i8).collect();
    let (a, b) = grid(&ia, &ib);
    for (name, f) in int_ops::<i8>() {
        let got: Vec<i64> = f(&a, &b)
            .unwrap()
            .to_vec()
            .into_iter()
            .map(i64::from)
            .collect();
        assert_eq!(got, r[&format!("i8_{name}")].i64s(), "i8 {name}");
    }
    let q = divide(&a, &b).unwrap();
    assert!(same_f64(&q.to_vec(), &r["i8_divide"].f64s()), "i8 divide");

    let a64 = &a.astype::<i64>() * 1000003i64;
    let b64 = b.astype::<i64>();
    for (name, f) in int_ops::<i64>() {
        assert_eq!(
            f(&a64, &b64).unwrap().to_vec(),
            r[&format!("i64_{name}")].i64s(),
            "i64 {name}"
        );
    }

    let ua: Vec<u8> = r["ua"].i64s().into_iter().map(|x| x as u8).collect();
    let ub: Vec<u8> = r["ub"].i64s().into_iter().map(|x| x as u8).collect();
    let (a, b) = grid(&ua, &ub);
    for (name, f) in int_ops::<u8>() {
        let got: Vec<i64> = f(&a, &b)
            .unwrap()
            .to_vec()
            .into_iter()
            .map(i64::from)
            .collect();
        assert_eq!(got, r[&format!("u8_{name}")].i64s(), "u8 {name}");
    }
    let neg: Vec<i64> = negative(&NdArray::from_vec(ua))
        .to_vec()
        .into_iter()
        .map(i64::from)
        .collect();
    assert_eq!(neg, r["u8_negative"].i64s());

    let (pa, pb) = grid(&r["pa"].i64s(), &r["pb"].i64s());
    assert_eq!(power(&pa, &pb).unwrap().to_vec(), r["i64_power"].i64s());
    let neg_exp = NdArray::from_vec(vec![-1i64]);
    assert_eq!(
        power(&pa, &neg_exp).err().unwrap().to_string(),
        "Integers to negative integer powers are not allowed."
    );
}

#[test]
fn operators_broadcast_over_layouts() {
    let r = load_reference("arith");
    let m = NdArray::from_shape_vec(&[3, 4, 5], r["m"].f64s()).unwrap();
    let row = m.slice(s![0, 0]);
    assert!(same_f64(&(&m + &row).to_vec(), &r["m_plus_row"].f64s()));
    let mt = m.permute_axes(&[2, 1, 0]).unwrap();
    let other = m
        .slice(s![..;-1, ..;2, ..])
        .permute_axes(&[2, 1, 0])
        .unwrap();
    let other = other.slice(s![.., ..1, ..]);
    let got = &mt - &other;
    assert_eq!(got.shape(), r["mT_minus_m"].shape.as_slice());
    assert!(same_f64(&got.to_vec(), &r["mT_minus_m"].f64s()));
    let col = m.slice(s![.., .., ..1]);
    assert!(same_f64(&(&m * &col).to_vec(), &r["m_times_col"].f64s()));
}

#[test]
fn scalar_and_assign_operators() {
    let a = NdArray::from_vec(vec![1.0f64, 2.0, 3.0]);
    assert_eq!((&a * 2.0).to_vec(), vec![2.0, 4.0, 6.0]);
    assert_eq!((2.0 - &a).to_vec(), vec![1.0, 0.0, -1.0]);
    assert_eq!((1.0 / &a).to_vec(), vec![1.0, 0.5, 1.0 / 3.0]);
    assert_eq!((-&a).to_vec(), vec![-1.0, -2.0, -3.0]);
    let mut b = a.clone();
    b += &a;
    b *= 10.0;
    assert_eq!(b.to_vec(), vec![20.0, 40.0, 60.0]);
    assert_eq!(
        a.to_vec(),
        vec![1.0, 2.0, 3.0],
        "the clone's writes stay out of `a`"
    );
    let owned = a.clone() + &b;
    assert_eq!(owned.to_vec(), vec![21.0, 42.0, 63.0]);
    let ints = NdArray::from_vec(vec![7i32, -7]);
    assert_eq!((&ints / 2).to_vec(), vec![3.5, -3.5]);
    assert_eq!((&ints % 3).to_vec(), vec![1, 2]);
    // Writes through a view of a row.
    let mut m = NdArray::from_shape_vec(&[2, 3], vec![0i64; 6]).unwrap();
    let mut v = m.slice_mut(s![1, ..]);
    v += &NdArray::from_vec(vec![1i64, 2, 3]);
    assert_eq!(m.to_vec(), vec![0, 0, 0, 1, 2, 3]);
    // Through a copy-on-write clone: NumPy's `a[1:] += a[:-1]` result.
    let mut c = NdArray::from_vec(vec![1i64, 2, 3, 4]);
    let before = c.clone();
    let mut tail = c.slice_mut(s![1..]);
    tail += &before.slice(s![..-1]);
    assert_eq!(c.to_vec(), vec![1, 3, 5, 7]);
}

#[test]
#[should_panic(expected = "operands could not be broadcast together with shapes (2,3) (4,)")]
fn operator_panics_with_numpy_message() {
    let a = NdArray::from_shape_vec(&[2, 3], vec![0.0f64; 6]).unwrap();
    let b = NdArray::from_vec(vec![0.0f64; 4]);
    let _ = &a + &b;
}

#[test]
fn large_threaded_results_equal_single_runs() {
    let n = if cfg!(miri) { 100 } else { 1 << 18 };
    let a = NdArray::from_vec((0..n).map(|i| (i as f64).sin()).collect());
    let b = NdArray::from_vec((0..n).map(|i| (i as f64).cos() + 2.0).collect());
    let got = (&a / &b).to_vec();
    let want: Vec<f64> = a.iter().zip(b.iter()).map(|(x, y)| x / y).collect();
    assert!(same_f64(&got, &want));
    let strided = &a.slice(s![..;3]) * &b.slice(s![..;-3]);
    let want: Vec<f64> = a
        .slice(s![..;3])
        .iter()
        .zip(b.slice(s![..;-3]).iter())
        .map(|(x, y)| x * y)
        .collect();
    assert!(same_f64(&strided.to_vec(), &want));
}
