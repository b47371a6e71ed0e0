// The visitor's phone form: keeps a draft on the phone (localStorage) while it is being filled in and after the
// visitor taps "submit" without a network, and submits it with the same idempotency key until the server has it, so
// that a visit is recorded exactly once however often the submission is retried.
(function () {
  'use strict';

  var AREAS = ['HEALTH', 'LIVING', 'SAFETY', 'MENTAL', 'NEEDS'];

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

    // Photos chosen on the form go up once the visit exists (they are too large for the draft kept on the phone).
    function uploadPhotos(visit) {
      var input = form.querySelector('#photos');
      var files = Array.prototype.slice.call(input.files || []);
      if (files.length === 0) { return; }
      var uploads = files.map(function (file) {
        var data = new FormData();
        data.append('file', file);
        return fetch(form.dataset.submitUrl + '/' + visit.id + '/photos', {
          method: 'POST', headers: csrfHeaders(), credentials: 'same-origin', body: data
        }).then(function (response) { return response.status === 201; }).catch(function () { return false; });
      });
      Promise.all(uploads).then(function (results) {
        var ok = results.filter(function (r) { return r; }).length;
        var line = document.createElement('div');
        line.id = 'photo-status';
        line.textContent = (ok === results.length ? form.dataset.msgPhotos : form.dataset.msgPhotosFailed)
          .replace('{0}', ok);
        form.querySelector('#visit-status').appendChild(line);
      });
    }

    function finish(visit, replayed) {
      done = true;
      window.localStorage.removeItem(storageKey);
      status(form, 'success', replayed ? form.dataset.msgReplayed : form.dataset.msgDone);
      form.querySelector('#submit-visit').disabled = true;
      var link = form.querySelector('#visit-link');
      link.href = form.dataset.visitUrl + visit.id;
      link.classList.remove('d-none');
      uploadPhotos(visit);
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
    window.addEventListener('online', send);
    window.setInterval(send, 15000);
    if (draft.pending) { send(); }

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
