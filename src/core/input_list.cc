// SPDX-License-Identifier: MIT
#include "core/input_list.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace whohungup::detail {

namespace {

namespace fs = std::filesystem;

Diagnostic error_for(const std::string& name, const std::string& message) {
    return Diagnostic::error(name, message);
}

void walk_directory(const fs::path& dir, std::vector<InputSpec>& out, DiagnosticSink& diag) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
        diag.report(error_for(dir.string(), "cannot read directory: " + ec.message()));
        return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) {
            diag.report(error_for(dir.string(), "cannot read directory: " + ec.message()));
            break;
        }
        if (it->path().filename().string().starts_with('.')) {
            continue;  // hidden files and folders (.git, .DS_Store) are never logs
        }
        entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
    for (const fs::directory_entry& entry : entries) {
        std::error_code type_ec;
        const bool symlink = entry.is_symlink(type_ec);
        if (entry.is_directory(type_ec)) {
            if (!symlink) {
                walk_directory(entry.path(), out, diag);
            }
            continue;  // a symlinked directory could loop: not followed
        }
        if (type_ec) {
            diag.report(error_for(entry.path().string(), type_ec.message()));
            continue;
        }
        if (!entry.exists(type_ec)) {
            diag.report(error_for(entry.path().string(), "broken symbolic link"));
            continue;
        }
        const std::string name = entry.path().string();
        if (!entry.is_regular_file(type_ec)) {
            // A FIFO, socket or device met in a walk is no log file, and reading one could block
            // for ever: skipped, said once per run (named ones are read: the user asked for them).
            Diagnostic note{Severity::kWarning,
                            name,
                            0,
                            0,
                            false,
                            "not a regular file (FIFO, socket or device): skipped, like any other met in a "
                            "directory"};
            note.once_key = "non-regular file in a directory";
            diag.report(note);
            continue;
        }
        out.push_back(InputSpec{name, true, /*from_walk=*/true});
    }
}

}  // namespace

std::vector<InputSpec> expand_inputs(const std::vector<std::string>& named, DiagnosticSink& diag) {
    std::vector<InputSpec> out;
    for (const std::string& name : named) {
        if (name == "-") {
            out.push_back(InputSpec{"-", false});
            continue;
        }
        struct stat info {};
        if (::stat(name.c_str(), &info) != 0) {
            diag.report(error_for(name, std::strerror(errno)));
            continue;
        }
        if (S_ISDIR(info.st_mode)) {
            walk_directory(fs::path(name), out, diag);
            continue;
        }
        out.push_back(InputSpec{name, !(S_ISFIFO(info.st_mode) || S_ISCHR(info.st_mode))});
    }
    return out;
}

}  // namespace whohungup::detail
