// Small stand-ins for the standard associative containers: enough of the
// interface for mapguard's tests, and quick to parse. Cases that need the
// real thing use libstdc++ instead.
#pragma once
#include <utility>

namespace std {
template <class T> struct less {};
template <class T> struct hash {};
template <class T> struct equal_to {};
template <class T> struct allocator {};
template <class T> struct initializer_list {
  const T *b, *e;
  const T *begin() const { return b; }
  const T *end() const { return e; }
};

template <class Value> struct __node_iterator {
  Value *p;
  Value &operator*() const { return *p; }
  Value *operator->() const { return p; }
  __node_iterator &operator++() { return *this; }
  bool operator==(const __node_iterator &) const { return true; }
  bool operator!=(const __node_iterator &) const { return false; }
};

template <class Node> struct __node_handle {
  bool empty() const { return true; }
};

#define __MAPGUARD_MAP_MEMBERS(NAME)                                           \
  using size_type = unsigned long;                                             \
  using iterator = __node_iterator<value_type>;                                \
  using const_iterator = __node_iterator<const value_type>;                    \
  using node_type = __node_handle<value_type>;                                 \
  NAME() {}                                                                    \
  NAME(const NAME &) {}                                                        \
  NAME(NAME &&) {}                                                             \
  NAME(initializer_list<value_type>) {}                                        \
  ~NAME() {}                                                                   \
  NAME &operator=(const NAME &) { return *this; }                              \
  NAME &operator=(NAME &&) { return *this; }                                   \
  iterator begin() { return {}; }                                              \
  iterator end() { return {}; }                                                \
  const_iterator begin() const { return {}; }                                  \
  const_iterator end() const { return {}; }                                    \
  bool empty() const { return true; }                                          \
  size_type size() const { return 0; }                                         \
  iterator find(const key_type &) { return {}; }                               \
  const_iterator find(const key_type &) const { return {}; }                   \
  size_type count(const key_type &) const { return 0; }                        \
  bool contains(const key_type &) const { return false; }                      \
  pair<iterator, bool> insert(const value_type &) { return {}; }               \
  iterator insert(const_iterator, const value_type &) { return {}; }           \
  template <class... Args> pair<iterator, bool> emplace(Args &&...) {          \
    return {};                                                                 \
  }                                                                            \
  template <class... Args> iterator emplace_hint(const_iterator, Args &&...) { \
    return {};                                                                 \
  }                                                                            \
  iterator erase(const_iterator) { return {}; }                                \
  size_type erase(const key_type &) { return 0; }                              \
  void clear() {}                                                              \
  void swap(NAME &) {}                                                         \
  template <class Other> void merge(Other &) {}                                \
  node_type extract(const key_type &) { return {}; }                           \
  void rehash(size_type) {}                                                    \
  void reserve(size_type) {}

#define __MAPGUARD_MAPPED_MEMBERS(NAME)                                        \
  using mapped_type = T;                                                       \
  T &operator[](const Key &);                                                  \
  T &operator[](Key &&);                                                       \
  T &at(const Key &);                                                          \
  const T &at(const Key &) const;                                              \
  template <class... Args>                                                     \
  pair<iterator, bool> try_emplace(const Key &, Args &&...) {                  \
    return {};                                                                 \
  }                                                                            \
  template <class M> pair<iterator, bool> insert_or_assign(const Key &, M &&) { \
    return {};                                                                 \
  }

template <class Key, class T, class Compare = less<Key>,
          class Alloc = allocator<pair<const Key, T>>>
class map {
public:
  using key_type = Key;
  using value_type = pair<const Key, T>;
  __MAPGUARD_MAP_MEMBERS(map)
  __MAPGUARD_MAPPED_MEMBERS(map)
};
template <class Key, class T, class Compare = less<Key>,
          class Alloc = allocator<pair<const Key, T>>>
class multimap {
public:
  using key_type = Key;
  using value_type = pair<const Key, T>;
  __MAPGUARD_MAP_MEMBERS(multimap)
};
template <class Key, class T, class Hash = hash<Key>,
          class Eq = equal_to<Key>,
          class Alloc = allocator<pair<const Key, T>>>
class unordered_map {
public:
  using key_type = Key;
  using value_type = pair<const Key, T>;
  __MAPGUARD_MAP_MEMBERS(unordered_map)
  __MAPGUARD_MAPPED_MEMBERS(unordered_map)
};
template <class Key, class T, class Hash = hash<Key>,
          class Eq = equal_to<Key>,
          class Alloc = allocator<pair<const Key, T>>>
class unordered_multimap {
public:
  using key_type = Key;
  using value_type = pair<const Key, T>;
  __MAPGUARD_MAP_MEMBERS(unordered_multimap)
};
template <class Key, class Compare = less<Key>, class Alloc = allocator<Key>>
class set {
public:
  using key_type = Key;
  using value_type = Key;
  __MAPGUARD_MAP_MEMBERS(set)
};
template <class Key, class Compare = less<Key>, class Alloc = allocator<Key>>
class multiset {
public:
  using key_type = Key;
  using value_type = Key;
  __MAPGUARD_MAP_MEMBERS(multiset)
};
template <class Key, class Hash = hash<Key>, class Eq = equal_to<Key>,
          class Alloc = allocator<Key>>
class unordered_set {
public:
  using key_type = Key;
  using value_type = Key;
  __MAPGUARD_MAP_MEMBERS(unordered_set)
};
template <class Key, class Hash = hash<Key>, class Eq = equal_to<Key>,
          class Alloc = allocator<Key>>
class unordered_multiset {
public:
  using key_type = Key;
  using value_type = Key;
  __MAPGUARD_MAP_MEMBERS(unordered_multiset)
};

template <class K, class T, class C, class A>
void swap(map<K, T, C, A> &, map<K, T, C, A> &) {}
template <class K, class T, class H, class E, class A>
void swap(unordered_map<K, T, H, E, A> &, unordered_map<K, T, H, E, A> &) {}
template <class K, class C, class A>
void swap(set<K, C, A> &, set<K, C, A> &) {}
template <class K, class T, class C, class A, class P>
unsigned long erase_if(map<K, T, C, A> &, P) { return 0; }
template <class K, class T, class H, class E, class A, class P>
unsigned long erase_if(unordered_map<K, T, H, E, A> &, P) { return 0; }
template <class K, class C, class A, class P>
unsigned long erase_if(set<K, C, A> &, P) { return 0; }
} // namespace std
