//! Reading `.npz` archives lazily: opening reads the zip's central directory only; each
//! array is read (and its CRC checked) when asked for by name. NumPy: `np.load(file.npz)`,
//! which returns an `NpzFile`.

use super::write::zip_error;
use crate::error::{IoError, IoResult};
use crate::npy::{Avail, in_file, read_data, read_header};
use numerust_core::{AnyArray, Element, NdArray};
use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek};
use std::path::Path;
use std::sync::Mutex;
use zip::{CompressionMethod, ZipArchive};

/// What an archive can be read from.
trait Source: Read + Seek + Send {}
impl<R: Read + Seek + Send> Source for R {}

/// An open `.npz` archive whose arrays are read on demand.
///
/// Names are given as NumPy lists them (`npz.files`): member names without the `.npy`
/// suffix. Lookups accept both `"a"` and `"a.npy"`.
pub struct NpzFile {
    zip: Mutex<ZipArchive<Box<dyn Source>>>,
    /// Member names as stored.
    members: Vec<String>,
    /// Member names without `.npy`.
    names: Vec<String>,
    /// Bytes in the whole archive: no stored member can hold more.
    archive_len: u64,
}

/// Opens a `.npz` archive, reading only its directory.
///
/// NumPy: `np.load("file.npz")`.
///
/// # Errors
/// `Format` when the file is not a readable zip archive; `Io`.
pub fn load_npz(path: impl AsRef<Path>) -> IoResult<NpzFile> {
    let path = path.as_ref();
    let run = || -> IoResult<NpzFile> {
        let file = File::open(path)?;
        let len = file.metadata()?.len();
        NpzFile::from_source(Box::new(BufReader::with_capacity(1 << 16, file)), len)
    };
    run().map_err(|e| in_file(path, e))
}

impl NpzFile {
    /// An archive held in memory (what the fuzz target feeds).
    ///
    /// # Errors
    /// `Format` when the bytes are not a readable zip archive.
    pub fn from_bytes(bytes: Vec<u8>) -> IoResult<NpzFile> {
        let len = bytes.len() as u64;
        NpzFile::from_source(Box::new(Cursor::new(bytes)), len)
    }

    fn from_source(source: Box<dyn Source>, archive_len: u64) -> IoResult<NpzFile> {
        let zip = ZipArchive::new(source).map_err(zip_error)?;
        let members: Vec<String> = zip
            .file_names()
            .map(|n| n.map(|n| n.into_owned()))
            .collect::<Result<_, _>>()
            .map_err(zip_error)?;
        let names = members
            .iter()
            .map(|m| m.strip_suffix(".npy").unwrap_or(m).to_owned())
            .collect();
        Ok(NpzFile {
            zip: Mutex::new(zip),
            members,
            names,
            archive_len,
        })
    }

    /// The arrays' names, in archive order, without `.npy` (NumPy: `npz.files`).
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the archive has no members.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Whether `name` (with or without `.npy`) is a member (NumPy: `name in npz`).
    pub fn contains(&self, name: &str) -> bool {
        self.member(name).is_some()
    }

    /// The stored member name `key` refers to: an exact member name, else the member whose
    /// name without `.npy` is `key` (NumPy's lookup).
    fn member(&self, key: &str) -> Option<&str> {
        if let Some(m) = self.members.iter().find(|m| *m == key) {
            return Some(m);
        }
        self.names
            .iter()
            .position(|n| n == key)
            .map(|i| self.members[i].as_str())
    }

    /// The array `name` of element type `T`.
    ///
    /// NumPy: `npz[name]` (typed).
    ///
    /// # Errors
    /// `MissingKey` for an unknown name; `DTypeMismatch` when the member holds another
    /// dtype; `Format` for a corrupt member (bad CRC, truncated or lying sizes).
    pub fn get<T: Element>(&self, name: &str) -> IoResult<NdArray<T>> {
        let a = self.read(name, Some(T::DTYPE))?;
        Ok(crate::npy::cast(a))
    }

    /// The array `name`, cast to `T` with NumPy's `astype` rules when it holds another dtype.
    ///
    /// NumPy: `npz[name].astype(T)`.
    ///
    /// # Errors
    /// As [`NpzFile::get_any`].
    pub fn get_as<T: Element>(&self, name: &str) -> IoResult<NdArray<T>> {
        Ok(crate::npy::cast(self.get_any(name)?))
    }

    /// The array `name`, whatever its dtype.
    ///
    /// NumPy: `npz[name]`.
    ///
    /// # Errors
    /// `MissingKey` for an unknown name; `Format`/`UnsupportedDType` for members numerust
    /// cannot read.
    pub fn get_any(&self, name: &str) -> IoResult<AnyArray> {
        self.read(name, None)
    }

    fn read(&self, name: &str, want: Option<numerust_core::DType>) -> IoResult<AnyArray> {
        let member = self
            .member(name)
            .ok_or_else(|| IoError::MissingKey(name.to_owned()))?;
        let in_member = |e: IoError| match e {
            IoError::Format(m) => IoError::Format(format!("member {member}: {m}")),
            IoError::UnsupportedDType(m) => {
                IoError::UnsupportedDType(format!("member {member}: {m}"))
            }
            IoError::Io(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                IoError::Format(format!("member {member}: corrupt data: {e}"))
            }
            other => other,
        };
        let mut zip = self.zip.lock().unwrap_or_else(|p| p.into_inner());
        let mut file = zip.by_name(member).map_err(zip_error).map_err(in_member)?;
        let size = file.size();
        let avail = match file.compression() {
            // Stored data is the member's bytes in the archive: its size is bounded by the
            // archive's, so allocating it is safe once the header fits.
            CompressionMethod::Stored if size <= self.archive_len => Avail::Known(size),
            // Deflated data may claim any size: read it as a stream, growing as it inflates.
            _ => Avail::Unknown,
        };
        let run = |file: &mut zip::read::ZipFile<'_, Box<dyn Source>>| -> IoResult<AnyArray> {
            let header = read_header(file)?;
            if let Some(want) = want
                && want != header.descr.dtype
            {
                return Err(IoError::DTypeMismatch {
                    expected: want,
                    found: header.descr.dtype,
                });
            }
            let claim = header.data_offset as u64 + header.nbytes() as u64;
            if claim > size {
                return Err(IoError::Format(format!(
                    "the .npy header claims {claim} bytes, but the member holds {size}"
                )));
            }
            let left = match avail {
                Avail::Known(n) => Avail::Known(n - header.data_offset as u64),
                Avail::Unknown => Avail::Unknown,
            };
            let array = read_data(file, &header, left)?;
            // Read to the end so the zip reader checks the CRC (bounded by the member size).
            std::io::copy(file, &mut std::io::sink())?;
            Ok(array)
        };
        run(&mut file).map_err(in_member)
    }
}

impl std::fmt::Debug for NpzFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NpzFile")
            .field("files", &self.names)
            .finish()
    }
}
