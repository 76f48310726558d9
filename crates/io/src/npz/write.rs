//! Writing `.npz` archives: NumPy's `savez` and `savez_compressed`.
//!
//! As NumPy's `_savez`: a zip with one member `name.npy` per array, each holding exactly the
//! bytes `np.save` writes, stored (`savez`) or deflated (`savez_compressed`), with zip64
//! extra fields forced on every member.

use crate::error::{IoError, IoResult};
use crate::npy::{ToNpy, in_file};
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

/// Saves several arrays into one uncompressed `.npz` archive.
///
/// NumPy: `np.savez(file, a=x, b=y)`. Members are named `a.npy`, `b.npy`, ...; as in
/// NumPy, `.npz` is appended to a path that does not end in it. Arrays of any element type
/// and layout may be mixed ([`ToNpy`]: `NdArray`, views, `AnyArray`).
///
/// ```
/// use numerust_core::NdArray;
/// use numerust_io::{load_npz, savez};
/// let path = std::env::temp_dir().join(format!("numerust-savez-doc-{}.npz", std::process::id()));
/// let x = NdArray::from_vec(vec![1.0, 2.0]);
/// let y = NdArray::from_vec(vec![7u8]);
/// savez(&path, &[("x", &x), ("y", &y)]).unwrap();
/// let npz = load_npz(&path).unwrap();
/// assert_eq!(npz.names(), ["x", "y"]);
/// assert_eq!(npz.get::<f64>("x").unwrap(), x);
/// assert_eq!(npz.get::<u8>("y.npy").unwrap(), y);
/// # std::fs::remove_file(&path).unwrap();
/// ```
///
/// # Errors
/// `Format` for a repeated name; `Io`.
pub fn savez(path: impl AsRef<Path>, arrays: &[(&str, &dyn ToNpy)]) -> IoResult<()> {
    save_archive(path.as_ref(), arrays, CompressionMethod::Stored)
}

/// Saves several arrays into one deflate-compressed `.npz` archive.
///
/// NumPy: `np.savez_compressed(file, a=x, b=y)`.
///
/// # Errors
/// `Format` for a repeated name; `Io`.
pub fn savez_compressed(path: impl AsRef<Path>, arrays: &[(&str, &dyn ToNpy)]) -> IoResult<()> {
    save_archive(path.as_ref(), arrays, CompressionMethod::Deflated)
}

/// Writes the archive to any seekable writer (a file, a `Cursor<Vec<u8>>`).
///
/// # Errors
/// `Format` for a repeated name; `Io`.
pub fn write_npz<W: Write + Seek>(
    writer: W,
    arrays: &[(&str, &dyn ToNpy)],
    compressed: bool,
) -> IoResult<W> {
    let method = if compressed {
        CompressionMethod::Deflated
    } else {
        CompressionMethod::Stored
    };
    write_members(writer, arrays, method)
}

fn npz_path(path: &Path) -> PathBuf {
    if path.extension().is_some_and(|e| e == "npz") {
        path.to_path_buf()
    } else {
        let mut s = path.as_os_str().to_owned();
        s.push(".npz");
        PathBuf::from(s)
    }
}

fn save_archive(
    path: &Path,
    arrays: &[(&str, &dyn ToNpy)],
    method: CompressionMethod,
) -> IoResult<()> {
    let path = npz_path(path);
    crate::npy::write_file(&path, |out| write_members(out, arrays, method).map(drop))
        .map_err(|e| in_file(&path, e))
}

fn write_members<W: Write + Seek>(
    writer: W,
    arrays: &[(&str, &dyn ToNpy)],
    method: CompressionMethod,
) -> IoResult<W> {
    for (i, (name, _)) in arrays.iter().enumerate() {
        if arrays[..i].iter().any(|(other, _)| other == name) {
            return Err(IoError::Format(format!(
                "the name '{name}' is given twice; .npz member names must be unique"
            )));
        }
    }
    let mut zip = ZipWriter::new(writer);
    let options = SimpleFileOptions::default()
        .compression_method(method)
        .large_file(true)
        .unix_permissions(0o600);
    for (name, array) in arrays {
        zip.start_file(format!("{name}.npy"), options)
            .map_err(zip_error)?;
        array.write_npy_to(&mut zip)?;
    }
    zip.finish().map_err(zip_error)
}

/// A zip-layer error as an `IoError`.
pub(crate) fn zip_error(e: zip::result::ZipError) -> IoError {
    match e {
        zip::result::ZipError::Io(e) => IoError::Io(e),
        zip::result::ZipError::FileNotFound => IoError::MissingKey("member".into()),
        other => IoError::Format(format!("malformed .npz archive: {other}")),
    }
}
