//! A `#[global_allocator]` wrapped around the system allocator that counts
//! the bytes in use (and their peak since the last reset) and the number of
//! allocation calls, so a report can say how much a call allocates.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Calls of `alloc` and `alloc_zeroed`.
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
/// Calls of `realloc`.
static REALLOCS: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = CURRENT.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(by: usize) {
    CURRENT.fetch_sub(by, Ordering::Relaxed);
}

fn allocated(p: *mut u8, size: usize) -> *mut u8 {
    if !p.is_null() {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        grew(size);
    }
    p
}

// SAFETY: every call is forwarded to `System` unchanged; only counters are
// updated besides.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract, passed on as is.
        allocated(unsafe { System.alloc(layout) }, layout.size())
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        allocated(unsafe { System.alloc_zeroed(layout) }, layout.size())
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            REALLOCS.fetch_add(1, Ordering::Relaxed);
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What one call did to the heap.
pub struct Usage {
    /// The most bytes in use at once during the call, above what was in use
    /// before.
    pub peak: usize,
    /// The bytes still in use when it returned: what its result holds.
    pub retained: usize,
    /// Calls of `alloc` and `alloc_zeroed`.
    pub allocs: usize,
    /// Calls of `realloc`.
    pub reallocs: usize,
}

/// Runs `f` once and reports its heap use; the result is dropped after
/// the counters are read. Only meaningful while no other thread allocates.
pub fn measure<R>(f: impl FnOnce() -> R) -> Usage {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let allocs = ALLOCS.load(Ordering::Relaxed);
    let reallocs = REALLOCS.load(Ordering::Relaxed);
    let result = f();
    let usage = Usage {
        peak: PEAK.load(Ordering::Relaxed).saturating_sub(base),
        retained: CURRENT.load(Ordering::Relaxed).saturating_sub(base),
        allocs: ALLOCS.load(Ordering::Relaxed) - allocs,
        reallocs: REALLOCS.load(Ordering::Relaxed) - reallocs,
    };
    drop(black_box(result));
    usage
}
