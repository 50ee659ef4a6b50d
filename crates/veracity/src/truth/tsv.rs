//! Tab-separated claim files read in one pass over the bytes (the fast path of
//! `veracity eval truth` and the end-to-end benchmark).

/// The lines of tab-separated text, each as its first `N` fields (missing ones empty) and its
/// number of fields.
///
/// Lines are split on `\n` only (never on U+0085), a final `\r` is dropped and empty lines are
/// skipped; tabs and line ends are found eight bytes at a time.
///
/// ```
/// let lines: Vec<([&str; 2], usize)> = veracity::tsv_lines("a\tb\tc\r\n\nd\n").collect();
/// assert_eq!(lines, [(["a", "b"], 3), (["d", ""], 1)]);
/// ```
pub fn tsv_lines<const N: usize>(text: &str) -> TsvLines<'_, N> {
    TsvLines { text, i: 0 }
}

/// The iterator of [`tsv_lines`].
#[derive(Debug, Clone)]
pub struct TsvLines<'t, const N: usize> {
    text: &'t str,
    i: usize,
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
                let j = next_delimiter(b, i);
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

/// The index of the first `\t` or `\n` at or after `i` (or the length), eight bytes at a time.
fn next_delimiter(b: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    while i + 8 <= b.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        let v = u64::from_le_bytes(w);
        let (t, n) = (v ^ (LO * u64::from(b'\t')), v ^ (LO * u64::from(b'\n')));
        // A zero byte of `t` or `n` is a delimiter; the lowest flag is always a true one.
        let found = ((t.wrapping_sub(LO) & !t) | (n.wrapping_sub(LO) & !n)) & HI;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i] != b'\t' && b[i] != b'\n' {
        i += 1;
    }
    i
}

/// `text` cut in two at the first line end at or after its middle (the second part starts a
/// line; it is empty when there is none): [`tsv_lines`] on both parts gives the lines of `text`.
pub(crate) fn split_at_line(text: &str) -> (&str, &str) {
    let b = text.as_bytes();
    let mid = b.len() / 2;
    let cut = memchr::memchr(b'\n', &b[mid..]).map_or(b.len(), |i| mid + i + 1);
    text.split_at(cut)
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

    proptest::proptest! {
        #[test]
        fn matches_the_plain_split(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "bc", "0201853949", "A long title with, commas", "\t", "\n", "\r", "\r\n", "\u{85}", "é",
        ]), 0..40)) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(tsv_lines::<4>(&text).collect::<Vec<_>>(), naive::<4>(&text));
            proptest::prop_assert_eq!(tsv_lines::<3>(&text).collect::<Vec<_>>(), naive::<3>(&text));
        }
    }
}
