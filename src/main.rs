//! The `pagelint` binary: the whole tool is the library; this installs the
//! allocator and exits with the status `pagelint::cli::main` returns.

// glibc's allocator spent about a tenth of a whole-site run consolidating
// and freeing across worker threads; mimalloc keeps per-thread heaps.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(pagelint::cli::main(std::env::args_os()));
}
