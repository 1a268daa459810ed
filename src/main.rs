//! The full-page reader, built by Trunk from `index.html`.

fn main() {
    lede::app::mount_app();
}
