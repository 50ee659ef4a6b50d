//! Orders and layouts of interned ids: sorted by name, ranked, counting-sorted, compressed rows.

pub(crate) fn by_name<T: Ord>(items: &[T]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| items[a as usize].cmp(&items[b as usize]));
    order
}

/// Each item's position in sorted order.
pub(crate) fn rank<T: Ord>(items: &[T]) -> Vec<u32> {
    let mut rank = vec![0u32; items.len()];
    for (r, &i) in by_name(items).iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    rank
}

/// The order of `0..n` stably sorted by `key(i) < buckets`.
pub(crate) fn counting_sort(n: usize, buckets: usize, key: impl Fn(usize) -> u32) -> Vec<u32> {
    let mut start = vec![0u32; buckets + 1];
    for i in 0..n {
        start[key(i) as usize + 1] += 1;
    }
    for b in 0..buckets {
        start[b + 1] += start[b];
    }
    let mut order = vec![0u32; n];
    for i in 0..n {
        let k = key(i) as usize;
        order[start[k] as usize] = i as u32;
        start[k] += 1;
    }
    order
}

pub(crate) fn csr(n: usize, pairs: &[(u32, u32)]) -> (Vec<u32>, Vec<u32>) {
    // `pairs` sorted by first component.
    let mut start = vec![0u32; n + 1];
    for &(a, _) in pairs {
        start[a as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    (start, pairs.iter().map(|&(_, b)| b).collect())
}
