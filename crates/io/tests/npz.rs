//! `.npz` against NumPy's own archives (tests/reference/npy/savez*.npz, written by
//! tools/reference/npy_files.py): lazy loading by name, members identical to `np.save`'s
//! bytes, compression, and corrupt or lying archives.

use numerust_core::{AnyArray, Complex, DType, NdArray, Order};
use numerust_io::npz::write_npz;
use numerust_io::{IoError, NpzFile, load_npz, savez, savez_compressed};
use std::io::{Cursor, Read, Write};
use std::path::PathBuf;
use zip::ZipArchive;

fn reference(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../../tests/reference/npy/{name}"))
}

fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("numerust-io-npz-{}-{name}", std::process::id()))
}

/// The members npy_files.py stores: the value rule of that script.
fn members() -> Vec<(&'static str, AnyArray)> {
    let float = |i: usize| (i as f64 - 5.0) / 3.0;
    let a = NdArray::from_shape_vec(&[3, 4], (0..12).map(float).collect()).unwrap();
    let b_c = NdArray::from_shape_vec(
        &[2, 3, 4],
        (0..24)
            .map(|i: i32| ((37 * i) % 251 - 125) * 65537)
            .collect(),
    )
    .unwrap();
    let b = b_c.view().to_owned_order(Order::F);
    let c = NdArray::from_shape_vec(&[3, 4], (0..12).map(|i| i % 3 == 0).collect()).unwrap();
    let d = NdArray::from_elem_0d(Complex::new(-5.0 / 3.0, 0.0f64));
    vec![
        ("a", a.into()),
        ("b", b.into()),
        ("c", c.into()),
        ("d", d.into()),
    ]
}

/// Each member's raw (decompressed) bytes, by stored name, in archive order.
fn raw_members(archive: &[u8]) -> Vec<(String, Vec<u8>, zip::CompressionMethod)> {
    let mut zip = ZipArchive::new(Cursor::new(archive)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().into_owned(), bytes, f.compression())
        })
        .collect()
}

#[test]
fn loads_numpy_archives_lazily_by_name() {
    for file in ["savez.npz", "savez_compressed.npz"] {
        let npz = load_npz(reference(file)).unwrap();
        assert_eq!(npz.names(), ["a", "b", "c", "d"], "{file}");
        assert_eq!(npz.len(), 4);
        for (name, want) in members() {
            assert_eq!(npz.get_any(name).unwrap(), want, "{file}/{name}");
            let full = format!("{name}.npy");
            assert!(npz.contains(&full));
            assert_eq!(npz.get_any(&full).unwrap(), want, "{file}/{full}");
        }
        let b = npz.get::<i32>("b").unwrap();
        assert!(b.is_f_contiguous() && !b.is_c_contiguous());
        assert_eq!(npz.get::<f64>("d").unwrap_err().to_string(), {
            IoError::DTypeMismatch {
                expected: DType::Float64,
                found: DType::Complex128,
            }
            .to_string()
        });
        assert_eq!(
            npz.get_as::<f32>("a").unwrap().to_vec()[..2],
            [-5.0 / 3.0f32, -4.0 / 3.0]
        );
        match npz.get_any("zz").unwrap_err() {
            IoError::MissingKey(k) => assert_eq!(k, "zz"),
            e => panic!("{e:?}"),
        }
        assert_eq!(
            npz.get_any("zz").unwrap_err().to_string(),
            "zz is not a file in the archive"
        );
    }
}

#[test]
fn members_are_np_save_bytes() {
    let arrays = members();
    let list: Vec<(&str, &dyn numerust_io::npy::ToNpy)> =
        arrays.iter().map(|(n, a)| (*n, a as _)).collect();
    let numpy_stored = raw_members(&std::fs::read(reference("savez.npz")).unwrap());
    for compressed in [false, true] {
        let path = temp_path(if compressed { "c.npz" } else { "s.npz" });
        if compressed {
            savez_compressed(&path, &list).unwrap();
        } else {
            savez(&path, &list).unwrap();
        }
        let ours = raw_members(&std::fs::read(&path).unwrap());
        assert_eq!(ours.len(), 4);
        for ((name, bytes, method), (key, _)) in ours.iter().zip(&arrays) {
            assert_eq!(name, &format!("{key}.npy"));
            let numpy = std::fs::read(reference(&format!("member_{key}.npy"))).unwrap();
            assert!(*bytes == numpy, "{name} differs from np.save");
            let want = if compressed {
                zip::CompressionMethod::Deflated
            } else {
                zip::CompressionMethod::Stored
            };
            assert_eq!(*method, want);
        }
        for ((_, ours, _), (_, numpy, _)) in ours.iter().zip(&numpy_stored) {
            assert!(ours == numpy);
        }
        let back = load_npz(&path).unwrap();
        for (name, want) in &arrays {
            assert_eq!(&back.get_any(name).unwrap(), want);
        }
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn savez_appends_npz_and_refuses_repeated_names() {
    let x = NdArray::from_vec(vec![1u16, 2]);
    let path = temp_path("plain");
    savez(&path, &[("x", &x), ("y", &x.view())]).unwrap();
    let with_ext = PathBuf::from(format!("{}.npz", path.display()));
    let npz = load_npz(&with_ext).unwrap();
    assert_eq!(npz.get::<u16>("y").unwrap(), x);
    std::fs::remove_file(&with_ext).unwrap();
    let err = savez(temp_path("dup.npz"), &[("x", &x), ("x", &x)]).unwrap_err();
    assert!(err.to_string().contains("twice"), "{err}");
    let _ = std::fs::remove_file(temp_path("dup.npz"));
}

#[test]
fn in_memory_archives() {
    let x = NdArray::from_vec(vec![0.5f32; 1000]);
    let cursor = write_npz(Cursor::new(Vec::new()), &[("x", &x)], true).unwrap();
    let bytes = cursor.into_inner();
    assert!(bytes.len() < 400, "compressed to {} bytes", bytes.len());
    let npz = NpzFile::from_bytes(bytes).unwrap();
    assert_eq!(npz.get::<f32>("x").unwrap(), x);
    assert!(!npz.is_empty());
}

fn archive(stored: bool, members: &[(&str, &[u8])]) -> Vec<u8> {
    let method = if stored {
        zip::CompressionMethod::Stored
    } else {
        zip::CompressionMethod::Deflated
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in members {
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        zip.start_file(*name, opts).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn corrupt_and_lying_archives_are_errors() {
    let good = std::fs::read(reference("savez.npz")).unwrap();
    // Every truncation: the directory is at the end, so opening fails or a member does.
    for cut in (0..good.len()).step_by(7) {
        if let Ok(npz) = NpzFile::from_bytes(good[..cut].to_vec()) {
            for name in npz.names().to_vec() {
                let _ = npz.get_any(&name);
            }
        }
    }
    assert!(NpzFile::from_bytes(b"not a zip".to_vec()).is_err());
    // A flipped data byte: the CRC check catches it.
    let npz = NpzFile::from_bytes(good.clone()).unwrap();
    drop(npz);
    let member = std::fs::read(reference("member_a.npy")).unwrap();
    let at = good
        .windows(member.len())
        .position(|w| w == member)
        .expect("member a is stored verbatim");
    let mut flipped = good.clone();
    flipped[at + member.len() - 1] ^= 0x40;
    let err = NpzFile::from_bytes(flipped)
        .unwrap()
        .get_any("a")
        .unwrap_err();
    assert!(err.to_string().contains("a.npy"), "{err}");
    assert!(matches!(err, IoError::Format(_)), "{err:?}");

    // An .npy header claiming 10^12 elements inside a small member, stored and deflated.
    let mut lie = b"\x93NUMPY\x01\x00".to_vec();
    let dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }";
    lie.extend_from_slice(&(dict.len() as u16).to_le_bytes());
    lie.extend_from_slice(dict.as_bytes());
    lie.extend_from_slice(&[0; 64]);
    for stored in [true, false] {
        let npz = NpzFile::from_bytes(archive(stored, &[("x.npy", &lie)])).unwrap();
        let err = npz.get_any("x").unwrap_err().to_string();
        assert!(err.contains("claims"), "{err}");
    }
    // A member that is not an .npy file.
    let npz = NpzFile::from_bytes(archive(true, &[("notes.txt", b"hello")])).unwrap();
    assert_eq!(npz.names(), ["notes.txt"]);
    let err = npz.get_any("notes.txt").unwrap_err().to_string();
    assert!(err.contains("notes.txt"), "{err}");
}

/// The other direction: archives numerust writes are committed in
/// tests/reference/from_numerust/ (`NUMERUST_BLESS=1 cargo test -p numerust-io --test npz`
/// rewrites them), tools/reference/npy_files.py reads them with NumPy (and checks the zip
/// with `zipfile.testzip`) and commits what NumPy read as numpy_read.npz; this test holds
/// the committed archives equal to what numerust writes now, and what NumPy read equal to
/// what was written.
#[test]
fn numpy_reads_numerust_archives() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/reference/from_numerust");
    let members = members();
    let refs: Vec<(&str, &dyn numerust_io::npy::ToNpy)> = members
        .iter()
        .map(|(k, v)| (*k, v as &dyn numerust_io::npy::ToNpy))
        .collect();
    for (kind, compressed) in [("savez", false), ("savez_compressed", true)] {
        let tmp = temp_path(&format!("{kind}.npz"));
        if compressed {
            savez_compressed(&tmp, &refs).unwrap();
        } else {
            savez(&tmp, &refs).unwrap();
        }
        let ours = std::fs::read(&tmp).unwrap();
        std::fs::remove_file(&tmp).unwrap();
        let committed = dir.join(format!("{kind}.npz"));
        if std::env::var_os("NUMERUST_BLESS").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&committed, &ours).unwrap();
        }
        assert_eq!(
            std::fs::read(&committed).unwrap(),
            ours,
            "{kind}: numerust's output changed; rerun with NUMERUST_BLESS=1, then `just reference`"
        );
    }
    let read = load_npz(dir.join("numpy_read.npz")).unwrap();
    for kind in ["savez", "savez_compressed"] {
        for (name, want) in &members {
            let got = read.get_any(&format!("{kind}__{name}")).unwrap();
            assert_eq!(&got, want, "NumPy read {kind}/{name} differently");
        }
    }
    assert_eq!(read.len(), 2 * members.len());
}
