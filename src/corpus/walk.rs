//! Walking a directory for [`Loader::dir`](super::Loader::dir): the files it reads and the
//! entries it passes over (hidden, special files, symbolic-link loops), each with its location.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::loader::{SkipReason, Skipped, whole};
use crate::error::{LoadError, LoadErrorKind};

/// The state of one [`Loader::dir`] walk.
///
/// Symbolic links to directories are followed after every real directory has been walked, so
/// that a directory reached both ways is read under its own name; a link to a directory that
/// was already read, or to one that contains the link (a loop), is skipped.
pub(super) struct Walk<'a> {
    /// How messages name the root.
    pub(super) base: &'a str,
    /// Candidate files: their path inside the root, by component, and on disk.
    pub(super) found: Vec<(Vec<String>, PathBuf)>,
    pub(super) skipped: Vec<Skipped>,
    pub(super) errors: Vec<LoadError>,
    /// Every directory walked, canonical, with its origin.
    pub(super) seen: HashMap<PathBuf, String>,
    /// Symbolic links to directories, still to follow.
    pub(super) links: std::collections::VecDeque<(Vec<String>, PathBuf)>,
}

impl Walk<'_> {
    /// Walks the root directory and then the links found in it; false if the root cannot be
    /// read.
    pub(super) fn run(&mut self, root: &Path) -> bool {
        let read = self.dir(root, &[]);
        while let Some((rel, path)) = self.links.pop_front() {
            self.link(&path, &rel);
        }
        read
    }

    pub(super) fn origin(&self, rel: &[String]) -> String {
        if rel.is_empty() {
            self.base.to_owned()
        } else {
            format!("{}/{}", self.base, rel.join("/"))
        }
    }

    pub(super) fn skip(&mut self, rel: &[String], reason: SkipReason) {
        let location = whole(&self.origin(rel));
        self.skipped.push(Skipped { location, reason });
    }

    pub(super) fn io_error(&mut self, rel: &[String], path: &Path, source: std::io::Error) {
        let location = whole(&self.origin(rel));
        self.errors.push(LoadError::new(
            location,
            LoadErrorKind::Io {
                path: path.to_path_buf(),
                source,
            },
        ));
    }

    /// Follows the symbolic link `path` (at `rel`) to a directory, unless that would read a
    /// directory twice or loop.
    pub(super) fn link(&mut self, path: &Path, rel: &[String]) {
        let canonical = |p: &Path| std::fs::canonicalize(p);
        let (target, parent) = match (canonical(path), path.parent().map(canonical)) {
            (Ok(target), Some(Ok(parent))) => (target, parent),
            (Err(e), _) | (_, Some(Err(e))) => return self.io_error(rel, path, e),
            (Ok(_), None) => return,
        };
        if parent.starts_with(&target) {
            let target = self
                .seen
                .get(&target)
                .cloned()
                .unwrap_or_else(|| target.display().to_string());
            self.skip(rel, SkipReason::SymlinkLoop { target });
        } else if let Some(first) = self.seen.get(&target) {
            let first = first.clone();
            self.skip(rel, SkipReason::AlreadyRead { first });
        } else {
            self.dir(path, rel);
        }
    }

    /// Walks the directory `path`, at `rel` inside the root; false if it cannot be read.
    pub(super) fn dir(&mut self, path: &Path, rel: &[String]) -> bool {
        let entries = match std::fs::canonicalize(path)
            .and_then(|canonical| Ok((canonical, std::fs::read_dir(path)?)))
        {
            Ok((canonical, _)) if self.seen.contains_key(&canonical) => {
                // Only a link leads here, or a directory mounted inside itself.
                let first = self.seen[&canonical].clone();
                self.skip(rel, SkipReason::AlreadyRead { first });
                return true;
            }
            Ok((canonical, entries)) => {
                self.seen.insert(canonical, self.origin(rel));
                entries
            }
            Err(e) => {
                self.io_error(rel, path, e);
                return false;
            }
        };
        let mut entries: Vec<_> = entries.collect();
        entries.sort_by_key(|e| e.as_ref().ok().map(std::fs::DirEntry::file_name));
        for entry in entries {
            match entry {
                Ok(entry) => self.entry(&entry, rel),
                Err(e) => self.io_error(rel, path, e),
            }
        }
        true
    }

    pub(super) fn entry(&mut self, entry: &std::fs::DirEntry, parent: &[String]) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let mut rel = parent.to_vec();
        rel.push(name.clone());
        let tomlish = name.to_ascii_lowercase().ends_with(".toml");
        let ty = match entry.file_type() {
            Ok(ty) => ty,
            Err(e) => return self.io_error(&rel, &path, e),
        };
        let link = ty.is_symlink();
        // What the entry is, through a symbolic link.
        let target = if link {
            std::fs::metadata(&path).map(|m| m.file_type())
        } else {
            Ok(ty)
        };
        if name.starts_with('.') {
            let dir = target.is_ok_and(|t| t.is_dir());
            if dir || tomlish {
                self.skip(&rel, SkipReason::Hidden { dir });
            }
            return;
        }
        let ty = match target {
            Ok(ty) => ty,
            // Reading it fails the same way, with the system's reason; it counts as an
            // instrument file.
            Err(_) if name.ends_with(".toml") => return self.found.push((rel, path)),
            Err(e) => {
                let reason = e.to_string();
                return self.skip(&rel, SkipReason::BrokenLink { reason });
            }
        };
        if ty.is_dir() {
            if link {
                self.links.push_back((rel, path));
            } else {
                self.dir(&path, &rel);
            }
        } else if !tomlish {
            // `README.md`, `notes.txt`: not corpus files.
        } else if !ty.is_file() {
            let what = special_kind(ty);
            self.skip(&rel, SkipReason::NotRegularFile { what });
        } else if name.ends_with(".toml") {
            self.found.push((rel, path));
        } else {
            let found = name[name.len() - 4..].to_owned();
            self.skip(&rel, SkipReason::Extension { found });
        }
    }
}

/// What a file that is neither a regular file nor a directory is.
fn special_kind(ty: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ty.is_fifo() {
            return "named pipe";
        }
        if ty.is_socket() {
            return "socket";
        }
        if ty.is_block_device() {
            return "block device";
        }
        if ty.is_char_device() {
            return "character device";
        }
    }
    let _ = ty;
    "special file"
}

/// Reads a file that the walk found to be regular, checking again once it is open (it may
/// have been replaced since) so that a device is never read.
pub(super) fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "no longer a regular file",
        ));
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}
