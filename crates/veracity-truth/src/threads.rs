//! Two pieces of work on two threads of the rayon pool (with the `parallel` feature).

/// Whether the rayon pool has a second thread (with the `parallel` feature): on one thread,
/// reading in halves only adds the merge.
pub(crate) fn two_threads() -> bool {
    #[cfg(feature = "parallel")]
    {
        rayon::current_num_threads() > 1
    }
    #[cfg(not(feature = "parallel"))]
    {
        false
    }
}

/// Runs `a` and `b`, on two threads of the rayon pool with the `parallel` feature.
pub(crate) fn join<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    #[cfg(feature = "parallel")]
    {
        rayon::join(a, b)
    }
    #[cfg(not(feature = "parallel"))]
    {
        (a(), b())
    }
}
