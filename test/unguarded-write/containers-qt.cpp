// Qt's containers against the real headers (qtbase5-dev): QHash's and
// QMap's `operator[]` inserts, `value()` only reads, `<<` appends to a
// QList, and `it.value()` changes an element.
//
// REQUIRES: qt5
// RUN: %check_mapguard --real-std %s %t -- -std=c++17 -fPIC %qt5_flags
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QSet>
#include <QtCore/QString>
#include <QtCore/QVector>

QHash<QString, int> g_ids;
QMap<int, QString> g_names;
QSet<int> g_used;
QList<int> g_order;
QVector<double> g_samples;

void writes(const QString &name, int id) {
  g_ids[name] = id;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_ids' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-9]]:21: note: 'g_ids' is a global with static storage duration
  g_ids.insert(name, id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_ids' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-12]]:21: note: 'g_ids' is a global with static storage duration
  g_ids.remove(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_ids' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-15]]:21: note: 'g_ids' is a global with static storage duration
  g_names.insert(id, name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_names' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-17]]:20: note: 'g_names' is a global with static storage duration
  g_names.find(id).value() = name;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared map 'g_names' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-20]]:20: note: 'g_names' is a global with static storage duration
  g_names.take(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared map 'g_names' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-23]]:20: note: 'g_names' is a global with static storage duration
  g_used.insert(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared set 'g_used' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-25]]:11: note: 'g_used' is a global with static storage duration
  g_order << id;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared list 'g_order' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-27]]:12: note: 'g_order' is a global with static storage duration
  g_order.append(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared list 'g_order' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-30]]:12: note: 'g_order' is a global with static storage duration
  g_order.removeAt(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared list 'g_order' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-33]]:12: note: 'g_order' is a global with static storage duration
  g_order[0] = id;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to an element of shared list 'g_order' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-36]]:12: note: 'g_order' is a global with static storage duration
  g_samples.push_back(1.0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to shared vector 'g_samples' is not protected by a mutex [mapguard-unguarded-write]
  // CHECK-MESSAGES: :[[@LINE-38]]:17: note: 'g_samples' is a global with static storage duration
}

int reads(const QString &name, int id) {
  return g_ids.value(name) + g_ids.contains(name) + g_names.size() +
         g_used.contains(id) + g_order.indexOf(id) + g_samples.count();
}
