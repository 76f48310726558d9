//! A block buffer over any reader: text is read in large blocks, the unread tail of a block
//! moves to the front before the next read, and the buffer only grows when one row is longer
//! than it.
//!
//! Owns [`Source`]; it must not know about rows or fields beyond finding line ends.

use std::io::Read;

/// The largest block read at once.
pub(crate) const BLOCK_BYTES: usize = 4 << 20;
/// The first block of a reader of unknown size.
const FIRST_BLOCK_BYTES: usize = 64 << 10;

/// Buffered text: `buf[start..end]` is read and not yet consumed.
pub(crate) struct Source<R> {
    inner: R,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    bytes_read: u64,
    /// The buffer the next block is read into while the current one is parsed.
    spare: Vec<u8>,
}

impl<R: Read> Source<R> {
    /// A source whose first block is sized for `size_hint` bytes when known.
    pub fn new(inner: R, size_hint: Option<u64>) -> Self {
        let first = size_hint.map_or(FIRST_BLOCK_BYTES, |n| {
            (n as usize).saturating_add(1).clamp(64, BLOCK_BYTES)
        });
        Source {
            inner,
            buf: vec![0; first],
            start: 0,
            end: 0,
            eof: false,
            bytes_read: 0,
            spare: Vec::new(),
        }
    }

    /// The unconsumed bytes.
    pub fn data(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    /// Whether the reader is exhausted (what [`data`](Self::data) holds is all that is left).
    pub fn at_eof(&self) -> bool {
        self.eof
    }

    /// Bytes read from the reader so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// Marks `n` bytes of [`data`](Self::data) as used.
    pub fn consume(&mut self, n: usize) {
        self.start = (self.start + n).min(self.end);
    }

    /// Moves the unconsumed tail to the front and reads until the buffer is full or the
    /// reader ends; grows the buffer (doubling) when the tail fills it, and grows a small
    /// first buffer up to [`BLOCK_BYTES`] as the input proves large.
    pub fn fill(&mut self) -> std::io::Result<()> {
        if self.eof {
            return Ok(());
        }
        self.buf.copy_within(self.start..self.end, 0);
        self.end -= self.start;
        self.start = 0;
        if self.end == self.buf.len() || self.buf.len() < BLOCK_BYTES {
            let grown = (self.buf.len() * 2).max(64);
            let target = if self.end == self.buf.len() {
                grown
            } else {
                grown.min(BLOCK_BYTES)
            };
            self.buf.resize(target, 0);
        }
        let (n, at_end) = read_full(&mut self.inner, &mut self.buf[self.end..])?;
        self.end += n;
        self.eof = at_end;
        self.bytes_read += n as u64;
        Ok(())
    }

    /// Runs `parse` on the first `cut` unconsumed bytes while, on another rayon thread, the
    /// next block is read behind the rest; afterwards [`data`](Self::data) is that rest
    /// followed by the new bytes. Overlaps the read with the parse.
    pub fn parse_while_reading<T: Send>(
        &mut self,
        cut: usize,
        parse: impl FnOnce(&[u8]) -> T + Send,
    ) -> std::io::Result<T>
    where
        R: Send,
    {
        let tail = self.start + cut..self.end;
        let mut spare = std::mem::take(&mut self.spare);
        let size = self.buf.len().max(2 * tail.len());
        spare.resize(size, 0);
        let kept = tail.len();
        spare[..kept].copy_from_slice(&self.buf[tail]);
        let block = &self.buf[self.start..self.start + cut];
        let inner = &mut self.inner;
        let eof = self.eof;
        let (out, read) = rayon::join(
            || parse(block),
            || {
                if eof {
                    Ok((0, true))
                } else {
                    read_full(inner, &mut spare[kept..])
                }
            },
        );
        let (n, at_end) = read?;
        self.spare = std::mem::replace(&mut self.buf, spare);
        self.start = 0;
        self.end = kept + n;
        self.eof = at_end;
        self.bytes_read += n as u64;
        Ok(out)
    }

    /// Skips `n` physical lines (`\n`, `\r\n` or a lone `\r`); returns how many there were.
    pub fn skip_lines(&mut self, n: usize) -> std::io::Result<usize> {
        let mut skipped = 0;
        while skipped < n {
            if self.start == self.end {
                if self.eof {
                    break;
                }
                self.fill()?;
                continue;
            }
            let data = &self.buf[self.start..self.end];
            match data.iter().position(|&b| b == b'\n' || b == b'\r') {
                Some(i) if data[i] == b'\r' && i + 1 == data.len() && !self.eof => {
                    // Whether "\r\n" or a lone "\r" needs the next byte.
                    self.consume(i);
                    self.fill()?;
                }
                Some(i) => {
                    let crlf = data[i] == b'\r' && data.get(i + 1) == Some(&b'\n');
                    self.consume(i + 1 + usize::from(crlf));
                    skipped += 1;
                }
                None => {
                    let len = data.len();
                    self.consume(len);
                    if self.eof {
                        // The last line has no line end; it still counts as a line.
                        skipped += 1;
                    }
                }
            }
        }
        Ok(skipped)
    }
}

/// Reads into `buf` until it is full or the reader ends: (bytes read, reader ended).
fn read_full(inner: &mut impl Read, buf: &mut [u8]) -> std::io::Result<(usize, bool)> {
    let mut n = 0;
    while n < buf.len() {
        match inner.read(&mut buf[n..]) {
            Ok(0) => return Ok((n, true)),
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok((n, false))
}
