// The visitor's phone form: keeps a draft on the phone (localStorage) while it is being filled in and after the
// visitor taps "submit" without a network, and submits it with the same idempotency key until the server has it, so
// that a visit is recorded exactly once however often the submission is retried. Photos taken on the form are made
// smaller on the phone (a village network is weak), kept in IndexedDB under the draft's key (too large for
// localStorage) and uploaded once the visit exists, each with its own key, so that a retried upload stores it once.
(function () {
  'use strict';

  var AREAS = ['HEALTH', 'LIVING', 'SAFETY', 'MENTAL', 'NEEDS'];
  var MAX_SIDE = 1600;
  var QUALITY = 0.8;
  var UPLOADABLE = ['image/jpeg', 'image/png', 'image/webp'];

  // The photos kept on the phone: IndexedDB, or memory where the browser has none (then a closed page loses them).
  var photoStore = (function () {
    var memory = [];
    var opened = new Promise(function (resolve) {
      if (!window.indexedDB) { resolve(null); return; }
      var request = window.indexedDB.open('yly-visits', 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore('photos', { keyPath: 'id' }).createIndex('draft', 'draft');
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { resolve(null); };
    });
    function run(mode, work) {
      return opened.then(function (db) {
        if (!db) { return work(null); }
        return new Promise(function (resolve, reject) {
          var t = db.transaction('photos', mode);
          var request = work(t.objectStore('photos'));
          t.oncomplete = function () { resolve(request ? request.result : undefined); };
          t.onerror = function () { reject(t.error); };
          t.onabort = function () { reject(t.error); };
        });
      });
    }
    return {
      keep: function (photo) {
        return run('readwrite', function (store) {
          if (!store) { memory.push(photo); return null; }
          return store.put(photo);
        });
      },
      of: function (draftKey) {
        return run('readonly', function (store) {
          if (!store) { return memory.filter(function (p) { return p.draft === draftKey; }); }
          return store.index('draft').getAll(draftKey);
        }).then(function (list) { return list || []; });
      },
      drop: function (id) {
        return run('readwrite', function (store) {
          if (!store) { memory = memory.filter(function (p) { return p.id !== id; }); return null; }
          return store.delete(id);
        });
      }
    };
  })();

  // The photo read as a data: URL (the page's content security policy admits data: images, not blob: ones).
  function dataUrl(blob) {
    return new Promise(function (resolve) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { resolve(null); };
      reader.readAsDataURL(blob);
    });
  }

  function drawn(image, side) {
    var scale = Math.min(1, side / Math.max(image.naturalWidth, image.naturalHeight));
    var canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas;
  }

  // The photo at most MAX_SIDE pixels on its longer side, as JPEG (the original when that is smaller and uploadable),
  // with a small thumbnail to show; null when the browser cannot read it.
  function shrink(file) {
    return dataUrl(file).then(function (url) {
      return new Promise(function (resolve) {
        if (!url) { resolve(null); return; }
        var image = new Image();
        image.onload = function () {
          var thumb = drawn(image, 160).toDataURL('image/jpeg', 0.7);
          drawn(image, MAX_SIDE).toBlob(function (blob) {
            var original = UPLOADABLE.indexOf(file.type) >= 0 && (!blob || file.size <= blob.size);
            resolve({ blob: original ? file : blob, thumb: thumb });
          }, 'image/jpeg', QUALITY);
        };
        image.onerror = function () { resolve(null); };
        image.src = url;
      });
    });
  }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function csrfHeaders() {
    var raw = document.body.getAttribute('hx-headers');
    try { return raw ? JSON.parse(raw) : {}; } catch (e) { return {}; }
  }

  function value(form, id) {
    var element = form.querySelector('#' + id);
    return element ? element.value : '';
  }

  function checked(form, name) {
    var element = form.querySelector('input[name="' + name + '"]:checked');
    return element ? element.value : null;
  }

  // What the form says now, as the draft and as the request body.
  function read(form, draft) {
    var findings = {};
    AREAS.forEach(function (area) {
      var concern = checked(form, 'concern-' + area);
      findings[area] = {
        concern: concern === null ? null : concern === 'true',
        note: value(form, 'note-' + area),
        raise: concern === 'true' ? value(form, 'raise-' + area) : 'NONE',
        service: concern === 'true' ? value(form, 'service-' + area) : ''
      };
    });
    var lat = value(form, 'latitude');
    var body = {
      personId: parseInt(form.dataset.person, 10),
      taskId: form.dataset.task ? parseInt(form.dataset.task, 10) : null,
      visitedAt: value(form, 'visitedAt'),
      mode: checked(form, 'mode'),
      withFamilyAbroad: form.querySelector('#withFamilyAbroad').checked,
      durationMinutes: value(form, 'durationMinutes') ? parseInt(value(form, 'durationMinutes'), 10) : null,
      location: lat ? {
        latitude: parseFloat(lat), longitude: parseFloat(value(form, 'longitude')),
        accuracyMeters: value(form, 'accuracy') ? Math.round(parseFloat(value(form, 'accuracy'))) : null
      } : null,
      findings: findings,
      note: value(form, 'note'),
      idempotencyKey: draft.key
    };
    return body;
  }

  function restore(form, body) {
    if (body.mode) { var mode = form.querySelector('#mode-' + body.mode); if (mode) { mode.checked = true; } }
    form.querySelector('#withFamilyAbroad').checked = !!body.withFamilyAbroad;
    if (body.visitedAt) { form.querySelector('#visitedAt').value = body.visitedAt; }
    if (body.durationMinutes !== null && body.durationMinutes !== undefined) {
      form.querySelector('#durationMinutes').value = body.durationMinutes;
    }
    if (body.location) {
      form.querySelector('#latitude').value = body.location.latitude;
      form.querySelector('#longitude').value = body.location.longitude;
      form.querySelector('#accuracy').value = body.location.accuracyMeters || '';
    }
    AREAS.forEach(function (area) {
      var f = (body.findings || {})[area] || {};
      if (f.concern !== null && f.concern !== undefined) {
        form.querySelector('#concern-' + area + (f.concern ? '-yes' : '-no')).checked = true;
      }
      form.querySelector('#note-' + area).value = f.note || '';
      form.querySelector('#raise-' + area).value = f.raise || 'NONE';
      form.querySelector('#service-' + area).value = f.service || '';
    });
    form.querySelector('#note').value = body.note || '';
  }

  function showDetails(form) {
    AREAS.forEach(function (area) {
      var concern = checked(form, 'concern-' + area) === 'true';
      form.querySelector('#details-' + area).classList.toggle('d-none', !concern);
    });
  }

  function status(form, kind, text) {
    var box = form.querySelector('#visit-status');
    box.className = 'alert alert-' + kind;
    box.textContent = text;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('visit-form');
    if (!form) { return; }
    var storageKey = 'yly.visit-draft.' + (form.dataset.task ? 'task-' + form.dataset.task : 'person-' + form.dataset.person);
    var draft = null;
    try { draft = JSON.parse(window.localStorage.getItem(storageKey)); } catch (e) { draft = null; }
    if (draft && draft.key) {
      restore(form, draft.body || {});
      var note = form.querySelector('#draft-status');
      note.textContent = form.dataset.msgDraft;
      note.classList.remove('d-none');
    } else {
      draft = { key: newKey(), pending: false };
    }
    showDetails(form);
    var sending = false;
    var done = false;

    function save() {
      draft.body = read(form, draft);
      window.localStorage.setItem(storageKey, JSON.stringify(draft));
    }

    var kept = form.querySelector('#photos-kept');
    var keptStatus = form.querySelector('#photos-kept-status');

    // The photos kept with this draft, as thumbnails the visitor can remove before submitting.
    function showPhotos() {
      return photoStore.of(draft.key).then(function (photos) {
        kept.innerHTML = '';
        photos.forEach(function (photo) {
          var item = document.createElement('li');
          item.className = 'kept-photo';
          var image = document.createElement('img');
          image.src = photo.thumb;
          image.alt = '';
          image.width = 72;
          image.className = 'img-thumbnail d-block';
          item.appendChild(image);
          if (!done) {
            var remove = document.createElement('button');
            remove.type = 'button';
            remove.className = 'btn btn-link btn-sm text-danger p-0';
            remove.textContent = form.dataset.msgPhotoRemove;
            remove.addEventListener('click', function () { photoStore.drop(photo.id).then(showPhotos); });
            item.appendChild(remove);
          }
          kept.appendChild(item);
        });
        keptStatus.textContent = photos.length && !done ? form.dataset.msgPhotosKept.replace('{0}', photos.length) : '';
        return photos;
      });
    }

    form.querySelector('#photos').addEventListener('change', function (event) {
      var input = event.target;
      var files = Array.prototype.slice.call(input.files || []);
      input.value = '';
      var unreadable = false;
      files.reduce(function (previous, file) {
        return previous.then(function () {
          return shrink(file).then(function (photo) {
            if (!photo) { unreadable = true; return null; }
            return photoStore.keep({ id: newKey(), draft: draft.key, blob: photo.blob, thumb: photo.thumb,
              type: photo.blob.type || file.type });
          });
        });
      }, Promise.resolve()).then(showPhotos).then(function () {
        if (unreadable) { keptStatus.textContent = form.dataset.msgPhotoUnreadable; }
      });
    });

    function photoLine(text) {
      var line = form.querySelector('#photo-status');
      if (!line) {
        line = document.createElement('div');
        line.id = 'photo-status';
        form.querySelector('#visit-status').appendChild(line);
      }
      line.textContent = text;
    }

    // Uploads the draft's photos to its visit one by one; each leaves the phone once the server has it. The draft
    // (with the visit's id) stays on the phone until the last photo is up, so a closed page uploads them next time.
    var uploading = false;
    function uploadPhotos() {
      if (uploading || !draft.visitId) { return; }
      uploading = true;
      var uploaded = 0;
      photoStore.of(draft.key).then(function (photos) {
        return photos.reduce(function (previous, photo) {
          return previous.then(function () {
            var data = new FormData();
            data.append('file', photo.blob, photo.type === 'image/png' ? 'photo.png' : 'photo.jpg');
            data.append('key', photo.id);
            return fetch(form.dataset.submitUrl + '/' + draft.visitId + '/photos', {
              method: 'POST', headers: csrfHeaders(), credentials: 'same-origin', body: data
            }).then(function (response) {
              if (response.status === 201 || response.status === 200) {
                uploaded++;
                return photoStore.drop(photo.id);
              }
              return null;
            }).catch(function () { return null; });
          });
        }, Promise.resolve()).then(function () { return photos.length; });
      }).then(function (total) {
        return photoStore.of(draft.key).then(function (left) {
          uploading = false;
          showPhotos();
          if (left.length === 0) {
            window.localStorage.removeItem(storageKey);
            if (total > 0) { photoLine(form.dataset.msgPhotos.replace('{0}', uploaded)); }
          } else {
            photoLine(form.dataset.msgPhotosFailed.replace('{0}', left.length));
          }
        });
      }, function () { uploading = false; });
    }

    function showDone(visitId, text) {
      done = true;
      status(form, 'success', text);
      form.querySelector('#submit-visit').disabled = true;
      var link = form.querySelector('#visit-link');
      link.href = form.dataset.visitUrl + visitId;
      link.classList.remove('d-none');
    }

    function finish(visit, replayed) {
      draft.pending = false;
      draft.visitId = visit.id;
      window.localStorage.setItem(storageKey, JSON.stringify(draft));
      showDone(visit.id, replayed ? form.dataset.msgReplayed : form.dataset.msgDone);
      uploadPhotos();
    }

    function send() {
      if (sending || done || !draft.pending) { return; }
      sending = true;
      status(form, 'info', form.dataset.msgSending);
      form.querySelector('#visit-problems').innerHTML = '';
      var headers = csrfHeaders();
      headers['Content-Type'] = 'application/json';
      headers['Accept'] = 'application/json';
      fetch(form.dataset.submitUrl, {
        method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify(draft.body)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          sending = false;
          if (response.status === 201 || response.status === 200) {
            finish(json, response.headers.get('Idempotency-Replayed') === 'true');
          } else if (response.status >= 400 && response.status < 500) {
            // the server refused the content: keep the draft for correction, stop retrying
            draft.pending = false;
            save();
            status(form, 'danger', form.dataset.msgInvalid);
            var list = form.querySelector('#visit-problems');
            (json.errors || [{ message: json.detail || json.title }]).forEach(function (error) {
              var item = document.createElement('li');
              item.textContent = error.message;
              list.appendChild(item);
            });
          } else {
            status(form, 'warning', form.dataset.msgOffline);
          }
        });
      }).catch(function () {
        // no network: the draft stays on the phone with its key and is sent again when the network returns
        sending = false;
        status(form, 'warning', form.dataset.msgOffline);
      });
    }

    form.addEventListener('input', function () { if (!done) { showDetails(form); save(); } });
    form.addEventListener('change', function () { if (!done) { showDetails(form); save(); } });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (done) { return; }
      draft.pending = true;
      save();
      send();
    });
    function retry() { if (done) { uploadPhotos(); } else { send(); } }
    window.addEventListener('online', retry);
    window.setInterval(retry, 15000);
    if (draft.visitId) {
      // submitted before; some photos were still waiting for the network
      showDone(draft.visitId, form.dataset.msgDone);
      uploadPhotos();
    } else if (draft.pending) { send(); }
    showPhotos();

    form.querySelector('#check-location').addEventListener('click', function () {
      var label = form.querySelector('#location-status');
      if (!navigator.geolocation) { label.textContent = form.dataset.msgNoLocation; return; }
      navigator.geolocation.getCurrentPosition(function (position) {
        form.querySelector('#latitude').value = position.coords.latitude.toFixed(6);
        form.querySelector('#longitude').value = position.coords.longitude.toFixed(6);
        form.querySelector('#accuracy').value = position.coords.accuracy;
        label.textContent = form.dataset.msgLocation;
        save();
      }, function () { label.textContent = form.dataset.msgNoLocation; }, { timeout: 10000 });
    });
  });
})();
