// shard_manifest.h — the lines of a generation's XAPIANDB stub: local shards ("auto NAME") and
// remote shards served by xapian-tcpsrv ("remote HOST:PORT"), read so the server can open remote
// ones with its own timeouts.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace broadsheet {

struct ShardEntry {
    enum class Kind {
        Local,   // a database directory beside the stub
        Remote,  // a database served by xapian-tcpsrv on HOST:PORT
    };
    Kind kind = Kind::Local;
    std::string name;   // Local: the directory, relative to the stub's directory
    std::string host;   // Remote
    unsigned port = 0;  // Remote: 1..65535
};

// The shards named by DIR/XAPIANDB, in order; nullopt when DIR has no stub, or when a line is
// not one of the two forms above (another backend, a program-served remote): Xapian then reads
// the stub itself, as before. Blank lines and lines starting with '#' are skipped, as Xapian
// does.
std::optional<std::vector<ShardEntry>> read_shard_manifest(const std::filesystem::path& dir);

// Whether any shard is remote.
bool has_remote_shards(const std::vector<ShardEntry>& shards);

}  // namespace broadsheet
