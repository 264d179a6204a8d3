import { describe, expect, it } from 'vitest';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { callRows, definitionRows } from './summary-rows.js';

// An LRU cache: a class template in a namespace with inline and declared members, out-of-line
// template member definitions, and a free factory function.
const lruCache = `#include "cache/lru_cache.h"

#include <list>
#include <mutex>
#include <unordered_map>

namespace cache {

constexpr std::size_t kDefaultCapacity = 1024;

template <typename K, typename V>
class LruCache {
 public:
  explicit LruCache(std::size_t capacity) : capacity_(capacity) {}
  ~LruCache();

  std::optional<V> Get(const K& key);
  void Put(K key, V value);
  std::size_t size() const { return index_.size(); }

 private:
  using Entry = std::pair<K, V>;
  void EvictIfFull();

  std::size_t capacity_;
  std::list<Entry> entries_;
  std::unordered_map<K, typename std::list<Entry>::iterator> index_;
  std::mutex mu_;
};

template <typename K, typename V>
std::optional<V> LruCache<K, V>::Get(const K& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->second;
}

template <typename K, typename V>
void LruCache<K, V>::Put(K key, V value) {
  std::lock_guard<std::mutex> lock(mu_);
  EvictIfFull();
  entries_.emplace_front(std::move(key), std::move(value));
  index_[entries_.front().first] = entries_.begin();
}

std::unique_ptr<LruCache<std::string, Blob>> MakeBlobCache() {
  return std::make_unique<LruCache<std::string, Blob>>(kDefaultCapacity);
}

}  // namespace cache
`;

describe('cpp', () => {
  describe('a class template with out-of-line member definitions', () => {
    it('defines the namespace, class, members declared or defined inside it, and Class::method', async () => {
      const summary = await summarizeFile(lruCache, 'cpp');
      expect(definitionRows(summary)).toEqual([
        'module cache 7-52',
        'constant kDefaultCapacity 9-9',
        'class LruCache 12-29',
        'method LruCache 14-14',
        'method ~LruCache 15-15',
        'method Get 17-17',
        'method Put 18-18',
        'method size 19-19',
        'type Entry 22-22',
        'method EvictIfFull 23-23',
        'method Get 32-38',
        'method Put 41-46',
        'function MakeBlobCache 48-50',
      ]);
      expect(summary.definitions.find((d) => d.startLine === 32)?.signature).toBe(
        'std::optional<V> LruCache<K, V>::Get(const K& key)',
      );
      expect(summary.hasErrors).toBe(false);
    });

    it('reports member, qualified and template calls', async () => {
      const calls = (await summarizeFile(lruCache, 'cpp', { calls: true })).calls ?? [];
      expect(callRows(calls)).toEqual([
        'size:19',
        'find:34',
        'end:35',
        'splice:36',
        'begin:36',
        'EvictIfFull:43',
        'emplace_front:44',
        'move:44',
        'move:44',
        'front:45',
        'begin:45',
        'make_unique:49',
      ]);
    });

    it('reports includes by the path alone', async () => {
      const summary = await summarizeFile(lruCache, 'cpp');
      expect(summary.imports).toEqual([
        { source: 'cache/lru_cache.h', line: 1, bindings: [], reexport: false },
        { source: 'list', line: 3, bindings: [], reexport: false },
        { source: 'mutex', line: 4, bindings: [], reexport: false },
        { source: 'unordered_map', line: 5, bindings: [], reexport: false },
      ]);
    });
  });

  describe('a class with inline constructors and a member template, and free operators', () => {
    it('calls a function named by a plain identifier a method only inside the class body', async () => {
      const source = [
        'struct Version {',
        '  Version(int major, int minor) : major_(major), minor_(minor) {}',
        '  template <typename Out> void Write(Out& out) const { out << major_ << "." << minor_; }',
        '  int major_, minor_;',
        '};',
        '',
        'bool operator<(const Version& a, const Version& b) {',
        '  return std::tie(a.major_, a.minor_) < std::tie(b.major_, b.minor_);',
        '}',
        '',
        'template <typename T> T Parse(std::string_view text) { return T::FromString(text); }',
      ].join('\n');
      const summary = await summarizeFile(source, 'cpp');
      expect(definitionRows(summary)).toEqual([
        'class Version 1-5',
        'method Version 2-2',
        'method Write 3-3',
        'function operator< 7-9',
        'function Parse 11-11',
      ]);
      expect(callRows((await summarizeFile(source, 'cpp', { calls: true })).calls ?? [])).toEqual([
        'tie:8',
        'tie:8',
        'FromString:11',
      ]);
    });
  });
});
