//! `.npy` and memory-mapped `.npy` against NumPy's own files (tests/reference/npy/, written
//! by tools/reference/npy_files.py): loading every dtype, order and byte order, saving
//! byte-identical files, refusing what numerust cannot read, malformed input, and a
//! save/load round-trip property.

use numerust_core::{AnyArray, ArrayView, AsView, Complex, DType, NdArray, Order, s};
use numerust_io::npy::{self, read_npy_any, read_npy_bytes, write_npy};
use numerust_io::{IoError, MmapMode, load_mmap, open_memmap};
use proptest::prelude::*;
use std::io::Read;
use std::path::PathBuf;

const DTYPES: [DType; 13] = [
    DType::Bool,
    DType::Int8,
    DType::Int16,
    DType::Int32,
    DType::Int64,
    DType::UInt8,
    DType::UInt16,
    DType::UInt32,
    DType::UInt64,
    DType::Float32,
    DType::Float64,
    DType::Complex64,
    DType::Complex128,
];

fn reference(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../../tests/reference/npy/{name}"))
}

fn reference_bytes(name: &str) -> Vec<u8> {
    std::fs::read(reference(name)).unwrap()
}

fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("numerust-io-npy-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The value rule of npy_files.py, in C order, as an array of `shape` and `order`.
fn expected(dtype: DType, shape: &[usize], order: Order) -> AnyArray {
    let n: usize = shape.iter().product();
    let mult = [0, 1, 257, 0, 65537, 0, 0, 0, 4294967297i64][dtype.itemsize().min(8)];
    let int = |i: usize| ((37 * i as i64) % 251 - 125) * mult;
    let uint = |i: usize| ((37 * i as u64) % 251) * mult as u64;
    let float = |i: usize| (i as f64 - 5.0) / 3.0;
    let imag = |i: usize| -(i as i64) as f64 / 7.0; // NumPy: -i is an integer, so -0 is 0
    fn build<T: numerust_core::Element>(shape: &[usize], order: Order, v: Vec<T>) -> AnyArray {
        let c = NdArray::from_shape_vec(shape, v).unwrap();
        AnyArray::from(c.view().to_owned_order(order))
    }
    macro_rules! arr {
        ($f:expr) => {
            build(shape, order, (0..n).map($f).collect())
        };
    }
    match dtype {
        DType::Bool => arr!(|i| i % 3 == 0),
        DType::Int8 => arr!(|i| int(i) as i8),
        DType::Int16 => arr!(|i| int(i) as i16),
        DType::Int32 => arr!(|i| int(i) as i32),
        DType::Int64 => arr!(int),
        DType::UInt8 => arr!(|i| uint(i) as u8),
        DType::UInt16 => arr!(|i| uint(i) as u16),
        DType::UInt32 => arr!(|i| uint(i) as u32),
        DType::UInt64 => arr!(uint),
        DType::Float32 => arr!(|i| float(i) as f32),
        DType::Float64 => arr!(float),
        DType::Complex64 => arr!(|i| Complex::new(float(i) as f32, imag(i) as f32)),
        DType::Complex128 => arr!(|i| Complex::new(float(i), imag(i))),
    }
}

fn layout_of(a: &AnyArray) -> (bool, bool) {
    fn flags<T: numerust_core::Element>(a: &NdArray<T>) -> (bool, bool) {
        (a.is_c_contiguous(), a.is_f_contiguous())
    }
    match a {
        AnyArray::Bool(x) => flags(x),
        AnyArray::Int8(x) => flags(x),
        AnyArray::Int16(x) => flags(x),
        AnyArray::Int32(x) => flags(x),
        AnyArray::Int64(x) => flags(x),
        AnyArray::UInt8(x) => flags(x),
        AnyArray::UInt16(x) => flags(x),
        AnyArray::UInt32(x) => flags(x),
        AnyArray::UInt64(x) => flags(x),
        AnyArray::Float32(x) => flags(x),
        AnyArray::Float64(x) => flags(x),
        AnyArray::Complex64(x) => flags(x),
        AnyArray::Complex128(x) => flags(x),
    }
}

fn to_bytes(a: &AnyArray) -> Vec<u8> {
    let mut out = Vec::new();
    npy::write_npy_any(&mut out, a).unwrap();
    out
}

#[test]
fn loads_every_dtype_order_and_byte_order() {
    for dtype in DTYPES {
        for (tag, order) in [("C", Order::C), ("F", Order::F)] {
            let mut endians = vec!["le"];
            if dtype.itemsize() > 1 {
                endians.push("be");
            }
            for endian in endians {
                let name = format!("{}_{tag}_{endian}.npy", dtype.name());
                let got = npy::load_any(reference(&name)).unwrap();
                let want = expected(dtype, &[3, 4], order);
                assert_eq!(got.dtype(), dtype, "{name}");
                assert_eq!(got, want, "{name}");
                // F files become F-order arrays (no transposing copy), C files C-order.
                assert_eq!(
                    layout_of(&got),
                    (order == Order::C, order == Order::F),
                    "{name}"
                );
                assert_eq!(read_npy_bytes(&reference_bytes(&name)).unwrap(), want);
            }
        }
    }
}

#[test]
fn saves_byte_identical_to_numpy() {
    for dtype in DTYPES {
        for (tag, order) in [("C", Order::C), ("F", Order::F)] {
            let name = format!("{}_{tag}_le.npy", dtype.name());
            let ours = to_bytes(&expected(dtype, &[3, 4], order));
            assert!(
                ours == reference_bytes(&name),
                "{name} differs from np.save"
            );
        }
    }
}

#[test]
fn special_shapes_and_versions() {
    let f64s = |shape: &[usize]| expected(DType::Float64, shape, Order::C);
    let cases = [
        ("scalar_0d.npy", f64s(&[])),
        ("empty_0x3.npy", f64s(&[0, 3])),
        (
            "int32_3d_F.npy",
            expected(DType::Int32, &[2, 3, 4], Order::F),
        ),
        ("v2.npy", expected(DType::Int16, &[3, 4], Order::C)),
        ("v3.npy", expected(DType::Int16, &[3, 4], Order::C)),
        (
            "bool_nonzero.npy",
            AnyArray::from(NdArray::from_vec(vec![false, true, true, true])),
        ),
    ];
    for (name, want) in cases {
        let got = npy::load_any(reference(name)).unwrap();
        assert_eq!(got, want, "{name}");
        assert_eq!(got.shape(), want.shape(), "{name}");
        if !name.starts_with('v') && name != "bool_nonzero.npy" {
            assert!(
                to_bytes(&want) == reference_bytes(name),
                "{name} differs from np.save"
            );
        }
    }
    let h3 = npy::read_header(&mut &reference_bytes("v3.npy")[..]).unwrap();
    assert_eq!(h3.version, (3, 0));
    let s = npy::load::<f64>(reference("scalar_0d.npy")).unwrap();
    assert_eq!(s.ndim(), 0);
    assert_eq!(s.to_vec(), vec![-5.0 / 3.0]);
}

#[test]
fn non_contiguous_sources_save_like_numpy() {
    let Ok(base) = expected(DType::Float64, &[6, 8], Order::C).into_typed::<f64>() else {
        unreachable!()
    };
    let view = base.slice(s![..;2, 1..;3]);
    let mut ours = Vec::new();
    write_npy(&mut ours, &view).unwrap();
    assert!(ours == reference_bytes("noncontig.npy"));
    let got = npy::load::<f64>(reference("noncontig.npy")).unwrap();
    assert_eq!(got, view.to_owned());

    let Ok(small) = expected(DType::Int16, &[3, 4], Order::C).into_typed::<i16>() else {
        unreachable!()
    };
    let rev = small.slice(s![..;-1, ..;-1]);
    let mut ours = Vec::new();
    write_npy(&mut ours, &rev).unwrap();
    assert!(ours == reference_bytes("reversed.npy"));
}

#[test]
fn refuses_what_numerust_cannot_hold() {
    for (name, says) in [
        ("object.npy", "never unpickles"),
        ("structured.npy", "structured"),
        ("unicode.npy", "strings"),
        ("datetime.npy", "datetime64"),
        ("float16.npy", "unusual size"),
    ] {
        let err = npy::load_any(reference(name)).unwrap_err();
        assert!(
            matches!(err, IoError::UnsupportedDType(_)),
            "{name}: {err:?}"
        );
        let msg = err.to_string();
        assert!(msg.contains(says) && msg.contains(name), "{name}: {msg}");
    }
}

#[test]
fn typed_and_casting_loads() {
    let path = reference("float64_C_le.npy");
    let a = npy::load::<f64>(&path).unwrap();
    assert_eq!(
        AnyArray::from(a.clone()),
        expected(DType::Float64, &[3, 4], Order::C)
    );
    match npy::load::<f32>(&path).unwrap_err() {
        IoError::DTypeMismatch { expected, found } => {
            assert_eq!((expected, found), (DType::Float32, DType::Float64))
        }
        e => panic!("{e:?}"),
    }
    let cast = npy::load_as::<i32>(&path).unwrap();
    assert_eq!(cast, AnyArray::from(a).astype::<i32>());
    let same = npy::load_as::<f64>(&path).unwrap();
    assert_eq!(same.shape(), &[3, 4]);
}

#[test]
fn save_appends_npy_like_numpy() {
    let dir = temp_dir("append");
    let a = NdArray::from_vec(vec![1u32, 2, 3]);
    npy::save(dir.join("plain"), &a).unwrap();
    assert_eq!(npy::load::<u32>(dir.join("plain.npy")).unwrap(), a);
    npy::save(dir.join("kept.npy"), &a.view()).unwrap();
    assert_eq!(npy::load::<u32>(dir.join("kept.npy")).unwrap(), a);
    npy::save_any(dir.join("any.npy"), &AnyArray::from(a.clone())).unwrap();
    assert_eq!(
        std::fs::read(dir.join("any.npy")).unwrap(),
        std::fs::read(dir.join("kept.npy")).unwrap()
    );
    let err = npy::load_any(dir.join("missing.npy"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing.npy"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
}

/// A reader that hands out at most 7 bytes per call, like a slow pipe.
struct Trickle<'a>(&'a [u8]);
impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(7).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[test]
fn streams_read_in_pieces_and_in_sequence() {
    let mut stream = reference_bytes("complex64_F_be.npy");
    stream.extend(reference_bytes("bool_C_le.npy"));
    let mut r = Trickle(&stream);
    assert_eq!(
        read_npy_any(&mut r).unwrap(),
        expected(DType::Complex64, &[3, 4], Order::F)
    );
    let b: NdArray<bool> = npy::read_npy(&mut r).unwrap();
    assert_eq!(AnyArray::from(b), expected(DType::Bool, &[3, 4], Order::C));
    assert!(r.0.is_empty());
    let err = npy::read_npy::<i8>(Trickle(&reference_bytes("uint8_C_le.npy"))).unwrap_err();
    assert!(matches!(err, IoError::DTypeMismatch { .. }));
}

fn with_dict(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = b"\x93NUMPY\x01\x00".to_vec();
    out.extend_from_slice(&(dict.len() as u16).to_le_bytes());
    out.extend_from_slice(dict.as_bytes());
    out.extend_from_slice(data);
    out
}

#[test]
fn malformed_input_is_an_error_not_a_panic() {
    // Every truncation of a valid file.
    let good = reference_bytes("int32_3d_F.npy");
    for cut in 0..good.len() {
        let err = read_npy_bytes(&good[..cut]).unwrap_err();
        assert!(err.to_string().contains("truncated"), "{cut}: {err}");
        assert!(read_npy_any(Trickle(&good[..cut])).is_err());
    }
    // A shape of 10^12 float64 on a 100-byte file: refused before any allocation, both
    // when the length is known and when it is only discovered by reading.
    let lie = with_dict(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,)}",
        &[0; 30],
    );
    assert!(
        read_npy_bytes(&lie)
            .unwrap_err()
            .to_string()
            .contains("8000000000000 bytes")
    );
    assert!(
        read_npy_any(&lie[..])
            .unwrap_err()
            .to_string()
            .contains("truncated")
    );
    let dir = temp_dir("lie");
    std::fs::write(dir.join("lie.npy"), &lie).unwrap();
    assert!(npy::load_any(dir.join("lie.npy")).is_err());
    assert!(load_mmap(dir.join("lie.npy"), MmapMode::ReadOnly).is_err());
    std::fs::remove_dir_all(dir).unwrap();

    let cases = [
        (
            "{'descr': '<f8', 'fortran_order': False, 'shape': (-3,)}",
            "negative",
        ),
        ("{'descr': '<f8', 'shape': (3,)}", "correct keys"),
        (
            "{'descr': '<f8', 'fortran_order': False, 'shape': (3,)",
            "cannot parse",
        ),
        (
            "{'descr': '<f8', 'fortran_order': 'no', 'shape': (3,)}",
            "valid bool",
        ),
        (
            "{'descr': '<q8', 'fortran_order': False, 'shape': (3,)}",
            "descr",
        ),
        ("(1, 2)", "not a dictionary"),
        (
            "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999, 99999999999999)}",
            "too large",
        ),
    ];
    for (dict, says) in cases {
        let err = read_npy_bytes(&with_dict(dict, &[0; 64]))
            .unwrap_err()
            .to_string();
        assert!(err.contains(says), "{dict}: {err}");
    }
    let mut bad_magic = good.clone();
    bad_magic[0] = b'P';
    assert!(
        read_npy_bytes(&bad_magic)
            .unwrap_err()
            .to_string()
            .contains("magic")
    );
    let long = format!(
        "{{'descr': '<f8', 'fortran_order': False, 'shape': (3,)}}{}",
        " ".repeat(10_000)
    );
    assert!(
        read_npy_bytes(&with_dict(&long, &[0; 24]))
            .unwrap_err()
            .to_string()
            .contains("10000")
    );
    // NumPy reads a header with trailing spaces and no newline just as well.
    let loose = with_dict(
        "{'shape': (2,), \"fortran_order\": False, 'descr': '|u1'}  ",
        &[7, 9],
    );
    assert_eq!(
        read_npy_bytes(&loose).unwrap(),
        AnyArray::from(NdArray::from_vec(vec![7u8, 9]))
    );
}

#[test]
fn mmap_views_numpy_files() {
    let m = load_mmap(reference("float64_F_le.npy"), MmapMode::ReadOnly).unwrap();
    assert_eq!(
        (m.dtype(), m.shape(), m.fortran_order()),
        (DType::Float64, &[3usize, 4][..], true)
    );
    let v = m.view::<f64>().unwrap();
    assert!(v.is_f_contiguous() && !v.is_c_contiguous());
    assert_eq!(
        AnyArray::from(v.to_owned()),
        expected(DType::Float64, &[3, 4], Order::F)
    );
    assert!(matches!(
        m.view::<f32>().unwrap_err(),
        IoError::DTypeMismatch { .. }
    ));
    let mut m = m;
    assert!(m.view_mut::<f64>().is_err());

    let b = load_mmap(reference("bool_C_le.npy"), MmapMode::ReadOnly).unwrap();
    assert_eq!(
        AnyArray::from(b.view::<bool>().unwrap().to_owned()),
        expected(DType::Bool, &[3, 4], Order::C)
    );
    let nz = load_mmap(reference("bool_nonzero.npy"), MmapMode::ReadOnly).unwrap();
    assert!(
        nz.view::<bool>()
            .unwrap_err()
            .to_string()
            .contains("0 and 1")
    );
    let e = load_mmap(reference("empty_0x3.npy"), MmapMode::ReadOnly).unwrap();
    assert_eq!(e.view::<f64>().unwrap().shape(), &[0, 3]);

    let err = load_mmap(reference("int32_C_be.npy"), MmapMode::ReadOnly).unwrap_err();
    assert!(err.to_string().contains("big-endian"), "{err}");
    assert!(load_mmap(reference("uint8_C_le.npy"), MmapMode::ReadOnly).is_ok());
    assert!(load_mmap(reference("object.npy"), MmapMode::ReadOnly).is_err());
}

#[test]
fn mmap_write_modes() {
    let dir = temp_dir("mmap");
    let path = dir.join("a.npy");
    std::fs::copy(reference("int64_C_le.npy"), &path).unwrap();
    let original = npy::load::<i64>(&path).unwrap();

    // 'c': writes stay in memory.
    let mut c = load_mmap(&path, MmapMode::CopyOnWrite).unwrap();
    c.view_mut::<i64>().unwrap()[[0, 0]] = 99;
    assert_eq!(c.view::<i64>().unwrap()[[0, 0]], 99);
    c.flush().unwrap();
    drop(c);
    assert_eq!(npy::load::<i64>(&path).unwrap(), original);

    // 'r+': writes reach the file.
    let mut w = load_mmap(&path, MmapMode::ReadWrite).unwrap();
    w.view_mut::<i64>().unwrap().slice_mut(s![1, ..]).fill(-1);
    w.flush().unwrap();
    drop(w);
    let changed = npy::load::<i64>(&path).unwrap();
    assert_eq!(changed.slice(s![1, ..]).to_vec(), vec![-1; 4]);
    assert_eq!(changed.slice(s![0, ..]), original.slice(s![0, ..]));

    // 'w+': a new file, readable by load and identical to np.save of the same array.
    let path = dir.join("new.npy");
    let mut m = open_memmap(&path, DType::Complex128, &[3, 4], true).unwrap();
    let want = expected(DType::Complex128, &[3, 4], Order::F);
    let Some(src) = want.as_typed::<Complex<f64>>() else {
        unreachable!()
    };
    m.view_mut::<Complex<f64>>()
        .unwrap()
        .assign(&src.view())
        .unwrap();
    m.flush().unwrap();
    drop(m);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        reference_bytes("complex128_F_le.npy")
    );
    let z = open_memmap(dir.join("zeros.npy"), DType::Float32, &[0, 5], false).unwrap();
    assert_eq!(z.view::<f32>().unwrap().shape(), &[0, 5]);
    assert!(
        open_memmap(
            dir.join("huge.npy"),
            DType::Float64,
            &[usize::MAX, 2],
            false
        )
        .is_err()
    );

    // Data that starts at an offset not aligned for f64 (NumPy never writes one): loads,
    // but cannot be viewed.
    let odd = with_dict(
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)}",
        &[0; 16],
    );
    assert_ne!((odd.len() - 16) % 8, 0);
    std::fs::write(dir.join("odd.npy"), &odd).unwrap();
    let m = load_mmap(dir.join("odd.npy"), MmapMode::ReadOnly).unwrap();
    assert!(m.view::<f64>().unwrap_err().to_string().contains("aligned"));
    assert_eq!(
        npy::load::<f64>(dir.join("odd.npy")).unwrap().to_vec(),
        vec![0.0, 0.0]
    );
    drop(m);
    std::fs::remove_dir_all(dir).unwrap();
}

/// Writes `view`, reads it back from bytes and from a trickling stream, and compares.
fn round_trip_view<T: numerust_core::Element>(view: ArrayView<'_, T>) {
    let mut bytes = Vec::new();
    write_npy(&mut bytes, &view).unwrap();
    let back = read_npy_bytes(&bytes).unwrap().into_typed::<T>().unwrap();
    assert_eq!(back.view(), view);
    let streamed: NdArray<T> = npy::read_npy(Trickle(&bytes)).unwrap();
    assert_eq!(streamed.view(), view);
    let f_only = view.is_f_contiguous() && !view.is_c_contiguous();
    assert_eq!(back.is_f_contiguous() && !back.is_c_contiguous(), f_only);
}

/// Round trip of `a` in one of several layouts: as is, transposed, strided, reversed.
fn round_trip<T: numerust_core::Element>(a: NdArray<T>, how: u8) {
    match how {
        1 => round_trip_view(a.t().view()),
        2 if a.ndim() > 0 => round_trip_view(a.slice(s![..;2])),
        3 if a.ndim() > 0 => round_trip_view(a.slice(s![..;-1])),
        _ => round_trip_view(a.as_view()),
    }
}

proptest! {
    #[test]
    fn save_load_round_trips(
        shape in numerust_testutil::strategies::shape(4, 5),
        dtype in 0usize..13,
        how in 0u8..4,
        seed in any::<u64>(),
    ) {
        let n: usize = shape.iter().product();
        let bits = |i: usize| seed.wrapping_mul(6364136223846793005).wrapping_add((i as u64).wrapping_mul(1442695040888963407));
        macro_rules! go {
            ($t:ty, $f:expr) => {
                round_trip(NdArray::from_shape_vec(&shape, (0..n).map(|i| $f(bits(i))).collect::<Vec<$t>>()).unwrap(), how)
            };
        }
        match dtype {
            0 => go!(bool, |b: u64| b & 1 == 1),
            1 => go!(i8, |b: u64| b as i8),
            2 => go!(i16, |b: u64| b as i16),
            3 => go!(i32, |b: u64| b as i32),
            4 => go!(i64, |b: u64| b as i64),
            5 => go!(u8, |b: u64| b as u8),
            6 => go!(u16, |b: u64| b as u16),
            7 => go!(u32, |b: u64| b as u32),
            8 => go!(u64, |b: u64| b),
            9 => go!(f32, |b: u64| b as f32),
            10 => go!(f64, |b: u64| b as f64 / 3.0),
            11 => go!(Complex<f32>, |b: u64| Complex::new(b as f32, -(b as f32))),
            _ => go!(Complex<f64>, |b: u64| Complex::new(b as f64, 1.0 / b as f64)),
        }
    }
}
