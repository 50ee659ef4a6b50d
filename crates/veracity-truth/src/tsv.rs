//! Tab-separated claim files read in one pass over the bytes (the fast path of
//! `veracity eval truth` and the end-to-end benchmark).

/// Texts of at least this many bytes are read in two halves on two threads by
/// [`Dataset::from_tsv_normalized`](crate::Dataset::from_tsv_normalized) (with the `parallel` feature and [`Normalizer::AuthorNames`](crate::Normalizer::AuthorNames));
/// below it, the second thread costs more than it saves.
pub const PARALLEL_MIN_TEXT: usize = 1 << 16;

/// The tab-separated readers ([`Dataset::from_tsv_normalized`](crate::Dataset::from_tsv_normalized), [`Dataset::read_tsv_normalized`](crate::Dataset::read_tsv_normalized))
/// take their source, object and value from the first this many fields of a line.
pub const TSV_MAX_COLUMNS: usize = 8;

/// The number of fields a line needs to hold the fields `columns` names.
pub(crate) fn tsv_fields_needed(columns: [usize; 3]) -> usize {
    columns.iter().max().map_or(0, |&c| c + 1)
}

/// The claims (`columns` of each line with at least `need` fields) of tab-separated text,
/// counting the lines in `read`.
pub(crate) fn tsv_claims<'t, 'r, const N: usize>(
    text: &'t str,
    columns: [usize; 3],
    need: usize,
    read: &'r mut TsvRead,
) -> TsvClaims<'t, 'r, N> {
    TsvClaims { lines: tsv_lines::<N>(text), columns, need, counted: TsvRead::default(), out: read }
}

/// [`tsv_claims`]' iterator. It counts in its own `counted` and writes the count to `out` only
/// when dropped: the two halves of a file are read on two threads into two `TsvRead`s that sit
/// side by side in the caller's frame, and a store to `out` per line made both threads write one
/// cache line (false sharing; about 1 ms of Book's 6 ms in the Python extension).
pub(crate) struct TsvClaims<'t, 'r, const N: usize> {
    lines: TsvLines<'t, N>,
    columns: [usize; 3],
    need: usize,
    counted: TsvRead,
    out: &'r mut TsvRead,
}

impl<'t, const N: usize> Iterator for TsvClaims<'t, '_, N> {
    type Item = (&'t str, &'t str, &'t str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (f, n) = self.lines.next()?;
            let read = &mut self.counted;
            if n < self.need && read.first_short.is_none() {
                read.first_short = Some((read.lines, n));
            }
            read.lines += 1;
            if n >= self.need {
                return Some((f[self.columns[0]], f[self.columns[1]], f[self.columns[2]]));
            }
        }
    }
}

impl<const N: usize> Drop for TsvClaims<'_, '_, N> {
    fn drop(&mut self) {
        *self.out = self.counted;
    }
}

/// What [`Dataset::from_tsv_normalized_counted`](crate::Dataset::from_tsv_normalized_counted) read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TsvRead {
    /// Non-empty lines, those with too few fields included.
    pub lines: usize,
    /// The first line with too few fields, if any: its index among the non-empty lines (from
    /// 0) and its number of fields.
    pub first_short: Option<(usize, usize)>,
}

impl TsvRead {
    /// What reading `self`'s text and then `next`'s read: `next`'s line indices follow `self`'s.
    pub(crate) fn then(self, next: TsvRead) -> TsvRead {
        TsvRead {
            lines: self.lines + next.lines,
            first_short: self.first_short.or(next.first_short.map(|(i, n)| (self.lines + i, n))),
        }
    }
}

/// The lines of tab-separated text, each as its first `N` fields (missing ones empty) and its
/// number of fields.
///
/// Lines are split on `\n` only (never on U+0085), a final `\r` is dropped and empty lines are
/// skipped; tabs and line ends are found eight bytes at a time.
///
/// ```
/// let lines: Vec<([&str; 2], usize)> = veracity_truth::tsv_lines("a\tb\tc\r\n\nd\n").collect();
/// assert_eq!(lines, [(["a", "b"], 3), (["d", ""], 1)]);
/// ```
pub fn tsv_lines<const N: usize>(text: &str) -> TsvLines<'_, N> {
    TsvLines { text, i: 0, block: 0, mask: block_mask(text.as_bytes(), 0) }
}

/// The 1-based number, in `text`, of the line [`tsv_lines`] yields at `index` (from 0), as an
/// editor numbers lines: the empty lines it skips count. `None` past its last line. For error
/// messages about a line found by index ([`crate::TsvRead::first_short`]).
///
/// ```
/// let text = "a\tb\n\n\nc\n";
/// assert_eq!(veracity_truth::tsv_line_number(text, 1), Some(4));
/// assert_eq!(veracity_truth::tsv_line_number(text, 2), None);
/// assert_eq!(veracity_truth::tsv_line_number("\r\n\nx\n", 0), Some(3));
/// ```
#[must_use]
pub fn tsv_line_number(text: &str, index: usize) -> Option<usize> {
    let (fields, _) = tsv_lines::<1>(text).nth(index)?;
    // The line's first field is a slice of `text`: the newlines before it number the line.
    let start = fields[0].as_ptr() as usize - text.as_ptr() as usize;
    Some(text.as_bytes()[..start].iter().filter(|&&b| b == b'\n').count() + 1)
}

/// The iterator of [`tsv_lines`].
#[derive(Debug, Clone)]
pub struct TsvLines<'t, const N: usize> {
    text: &'t str,
    i: usize,
    /// The delimiters (tabs and line ends) not yet read of the 64 bytes from `block`, one bit
    /// each: the text is scanned a block at a time and each delimiter read once, in order.
    block: usize,
    mask: u64,
}

impl<const N: usize> TsvLines<'_, N> {
    /// The next delimiter's index (or the length).
    fn next_delimiter(&mut self) -> usize {
        let b = self.text.as_bytes();
        while self.mask == 0 {
            self.block += 64;
            if self.block >= b.len() {
                return b.len();
            }
            self.mask = block_mask(b, self.block);
        }
        let k = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        self.block + k
    }
}

impl<'t, const N: usize> Iterator for TsvLines<'t, N> {
    type Item = ([&'t str; N], usize);

    fn next(&mut self) -> Option<Self::Item> {
        let (text, b) = (self.text, self.text.as_bytes());
        while self.i < b.len() {
            let mut f = [""; N];
            let mut n = 0;
            let mut i = self.i;
            let mut first = "";
            loop {
                let j = self.next_delimiter();
                if n == 0 {
                    first = &text[i..j];
                }
                if n < N {
                    f[n] = &text[i..j];
                }
                n += 1;
                i = j + 1;
                if j >= b.len() || b[j] == b'\n' {
                    break;
                }
            }
            self.i = i;
            if n <= N {
                f[n - 1] = f[n - 1].strip_suffix('\r').unwrap_or(f[n - 1]);
            }
            if n == 1 && (first.is_empty() || first == "\r") {
                continue;
            }
            return Some((f, n));
        }
        None
    }
}

/// One bit per `\t` or `\n` among the 64 bytes from `start` (bytes past the end are none).
fn block_mask(b: &[u8], start: usize) -> u64 {
    let mut block = [0u8; 64];
    let bytes: &[u8] = if start + 64 <= b.len() {
        &b[start..start + 64]
    } else {
        let rest = &b[start.min(b.len())..];
        block[..rest.len()].copy_from_slice(rest);
        &block
    };
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: SSE2 is enabled at compile time (the `cfg` above; every x86-64 CPU has it),
        // the one requirement for calling a function compiled with
        // `target_feature(enable = "sse2")`.
        #[allow(unsafe_code)]
        unsafe {
            delimiters64_sse2(bytes)
        }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        let mut mask = 0u64;
        for (k, c) in bytes.chunks_exact(8).enumerate() {
            mask |= delimiters8(word(c)) << (8 * k);
        }
        mask
    }
}

/// The eight bytes `c[..8]` as a little-endian word.
#[inline]
pub(super) fn word(c: &[u8]) -> u64 {
    u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])
}

/// [`block_mask`]'s 64 bytes compared 16 at a time (`pcmpeqb`, `pmovmskb`): the same bits as
/// [`delimiters8`] on each eight (tested), in a quarter of the instructions.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn delimiters64_sse2(bytes: &[u8]) -> u64 {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8};
    let (tab, newline) = (_mm_set1_epi8(b'\t' as i8), _mm_set1_epi8(b'\n' as i8));
    let mut mask = 0u64;
    for (k, c) in bytes.chunks_exact(16).enumerate() {
        // Two little-endian words: byte `j` of the 16 is lane `j` (loaded as one `movdqu`).
        let half = |h: &[u8]| i64::from_ne_bytes(word(h).to_ne_bytes());
        let v = _mm_set_epi64x(half(&c[8..]), half(c));
        let hit = _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, newline));
        // The 16 lanes' top bits in the low 16 bits of a non-negative `i32`.
        mask |= u64::from(u32::from_ne_bytes(_mm_movemask_epi8(hit).to_ne_bytes())) << (16 * k);
    }
    mask
}

/// One bit per `\t` or `\n` among the eight bytes of `v` (little-endian: bit `k` for byte `k`).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn delimiters8(v: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // 0x80 exactly in the zero bytes of `x` (no borrow between bytes).
    let zero = |x: u64| !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7);
    let z = zero(v ^ (LO * u64::from(b'\t'))) | zero(v ^ (LO * u64::from(b'\n')));
    // Bit 7 of byte k to bit 56 + k, then down.
    ((z >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// `text` cut in two at the first line end at or after its middle (the second part starts a
/// line; it is empty when there is none): [`tsv_lines`] on both parts gives the lines of `text`.
pub(crate) fn split_at_line(text: &str) -> (&str, &str) {
    let b = text.as_bytes();
    let mid = b.len() / 2;
    let cut = memchr::memchr(b'\n', &b[mid..]).map_or(b.len(), |i| mid + i + 1);
    text.split_at(cut)
}

/// One part of a file read as text: `text[start..]`.
#[derive(Debug, Default)]
pub(crate) struct TextPart {
    text: String,
    start: usize,
}

impl TextPart {
    /// `bytes[start..]` as text, bytes that are not UTF-8 replaced by U+FFFD; `bytes[start - 1]`
    /// is a line end (or `start` is 0).
    fn new(mut bytes: Vec<u8>, start: usize) -> Self {
        // The bytes before `start` (the end of a line read by the other part) are not kept: made
        // ASCII, so that they cannot make the rest invalid, and the text needs no copy.
        bytes[..start].fill(b'\n');
        match String::from_utf8(bytes) {
            Ok(text) => TextPart { text, start },
            Err(e) => TextPart { text: String::from_utf8_lossy(&e.into_bytes()[start..]).into_owned(), start: 0 },
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.text[self.start..]
    }
}

/// Reads the file at `path` as text in two parts cut as [`split_at_line`] cuts it (the second
/// part starts the line after the file's middle), each read and checked as UTF-8 on its own
/// thread when `parallel` (and the platform reads at an offset); otherwise the whole file is
/// the first part. Invalid UTF-8 is replaced by U+FFFD, as `String::from_utf8_lossy` does on the
/// whole file: a line end is never inside a UTF-8 sequence, so the cut changes nothing.
pub(crate) fn read_parts(path: &std::path::Path, parallel: bool) -> std::io::Result<[TextPart; 2]> {
    let (file, len) = open(path)?;
    #[cfg(unix)]
    if parallel && len >= PARALLEL_MIN_TEXT {
        let (first, second) = crate::threads::join(|| read_half(&file, len, false), || read_half(&file, len, true));
        return Ok([first?, second?]);
    }
    let _ = parallel;
    Ok([read_whole(file, len)?, TextPart::default()])
}

/// The file at `path`, open, and its length.
pub(crate) fn open(path: &std::path::Path) -> std::io::Result<(std::fs::File, usize)> {
    let file = std::fs::File::open(path)?;
    let len = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
    Ok((file, len))
}

/// The whole file (of about `len` bytes) as one part.
fn read_whole(mut file: std::fs::File, len: usize) -> std::io::Result<TextPart> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(len.saturating_add(1));
    file.read_to_end(&mut bytes)?;
    Ok(TextPart::new(bytes, 0))
}

/// One of [`read_parts`]' two parts of a file of `len` bytes, read at an offset (so that both
/// can be read at once): the first reads up to the middle and on to the next line end, the
/// second from the middle to the end and skips the line that crosses the middle.
#[cfg(unix)]
pub(crate) fn read_half(file: &std::fs::File, len: usize, second: bool) -> std::io::Result<TextPart> {
    use std::os::unix::fs::FileExt;
    let mid = len / 2;
    // `buf` filled from offset `at`, to the end of the file or (`line`) to the first line end.
    let read_on = |mut at: usize, buf: &mut Vec<u8>, line: bool| -> std::io::Result<()> {
        let mut chunk = vec![0u8; if line { 4096 } else { 1 << 16 }];
        loop {
            let n = file.read_at(&mut chunk, at as u64)?;
            if n == 0 {
                return Ok(());
            }
            if line {
                if let Some(i) = memchr::memchr(b'\n', &chunk[..n]) {
                    buf.extend_from_slice(&chunk[..=i]);
                    return Ok(());
                }
            }
            buf.extend_from_slice(&chunk[..n]);
            at += n;
        }
    };
    // Bytes `from..to`, or fewer when the file is shorter than its length said.
    let read_range = |from: usize, to: usize| -> std::io::Result<Vec<u8>> {
        let mut buf = vec![0u8; to - from];
        let mut done = 0;
        while done < buf.len() {
            let n = file.read_at(&mut buf[done..], (from + done) as u64)?;
            if n == 0 {
                buf.truncate(done);
                break;
            }
            done += n;
        }
        Ok(buf)
    };
    if second {
        let mut buf = read_range(mid, len)?;
        if buf.len() == len - mid {
            read_on(len, &mut buf, false)?;
        }
        // The line that crosses the middle is the first part's.
        let start = memchr::memchr(b'\n', &buf).map_or(buf.len(), |i| i + 1);
        Ok(TextPart::new(buf, start))
    } else {
        let mut buf = read_range(0, mid)?;
        if buf.len() == mid {
            read_on(mid, &mut buf, true)?;
        }
        Ok(TextPart::new(buf, 0))
    }
}

/// The 1-based line number in the text `parts[0]` followed by `parts[1]` of the line
/// [`tsv_lines`] yields at `index` over both parts ([`tsv_line_number`] across the cut).
pub(crate) fn line_number_in_parts(parts: [&str; 2], index: usize) -> usize {
    let in_first = tsv_lines::<1>(parts[0]).count();
    if index < in_first {
        tsv_line_number(parts[0], index).unwrap_or(index + 1)
    } else {
        let before = parts[0].bytes().filter(|&b| b == b'\n').count();
        before + tsv_line_number(parts[1], index - in_first).unwrap_or(index - in_first + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain reading: split on `\n`, drop a final `\r`, skip empty lines, split on `\t`.
    fn naive<const N: usize>(text: &str) -> Vec<([&str; N], usize)> {
        text.split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .filter(|l| !l.is_empty())
            .map(|l| {
                let all: Vec<&str> = l.split('\t').collect();
                let mut f = [""; N];
                for (k, x) in all.iter().take(N).enumerate() {
                    f[k] = x;
                }
                (f, all.len())
            })
            .collect()
    }

    #[test]
    fn lines_and_fields() {
        let text = "a\tb\tc\td\r\n\r\n\nsrc\t0201853949\tA title, long enough to cross eight bytes\tKnuth\n\
                    x\ty\n\ta\t\t\t\te\r\nlast\tline\tno\tend\r";
        assert_eq!(tsv_lines::<4>(text).collect::<Vec<_>>(), naive::<4>(text));
        assert_eq!(tsv_lines::<2>(text).collect::<Vec<_>>(), naive::<2>(text));
        assert_eq!(tsv_lines::<4>("").count(), 0);
    }

    /// [`block_mask`] against [`delimiters8`] on every byte value at every position.
    #[test]
    fn block_mask_marks_tabs_and_line_ends() {
        let mut b: Vec<u8> = (0..=255u8).cycle().take(64 * 5 + 7).collect();
        b.extend_from_slice(b"\t\n\r\t");
        for start in (0..b.len()).step_by(7) {
            let mut want = 0u64;
            for k in 0..64 {
                if matches!(b.get(start + k), Some(b'\t' | b'\n')) {
                    want |= 1 << k;
                }
            }
            assert_eq!(block_mask(&b, start), want, "start {start}");
            if start + 64 <= b.len() {
                let swar = (0..8).fold(0u64, |m, k| m | delimiters8(word(&b[start + 8 * k..])) << (8 * k));
                assert_eq!(swar, want, "start {start}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn matches_the_plain_split(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "bc", "0201853949", "A long title with, commas", "\t", "\n", "\r", "\r\n", "\u{85}", "é", "\u{8}", "\u{b}", "\u{0}",
            "a field longer than sixty-four bytes, so that it crosses a block of the scan",
        ]), 0..40)) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(tsv_lines::<4>(&text).collect::<Vec<_>>(), naive::<4>(&text));
            proptest::prop_assert_eq!(tsv_lines::<3>(&text).collect::<Vec<_>>(), naive::<3>(&text));
        }
    }
}
