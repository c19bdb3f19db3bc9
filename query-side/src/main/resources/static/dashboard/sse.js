// A Server-Sent Events reader on fetch: EventSource cannot send an Authorization header, fetch can. It parses the
// text/event-stream format (https://html.spec.whatwg.org/multipage/server-sent-events.html), reconnects with a
// growing delay, and resumes with Last-Event-ID where the server supports it.

import {authorization, ApiError} from './api.js';

/**
 * Connects and keeps connected until stop() is called.
 * onEvent({type, id, data}), onState('connecting' | 'open' | 'waiting' | 'refused'), onRefused(ApiError).
 */
export function subscribe(path, {onEvent, onState = () => {}, onRefused = () => {}}) {
  const controller = new AbortController();
  let lastEventId = null;
  let retryMs = 1000;
  let stopped = false;

  async function connect() {
    while (!stopped) {
      onState('connecting');
      try {
        const headers = {...authorization(), Accept: 'text/event-stream'};
        if (lastEventId) headers['Last-Event-ID'] = lastEventId;
        const response = await fetch(path, {headers, credentials: 'omit', cache: 'no-store',
          signal: controller.signal});
        if (response.status === 401 || response.status === 403) {
          let problem = {};
          try { problem = await response.json(); } catch { /* no body */ }
          onState('refused');
          onRefused(new ApiError(response.status, problem));
          return;
        }
        if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
        onState('open');
        retryMs = 1000;
        await read(response.body);
      } catch (error) {
        if (stopped) return;
      }
      if (stopped) return;
      onState('waiting');
      await new Promise(resolve => setTimeout(resolve, retryMs));
      retryMs = Math.min(retryMs * 2, 30000);
    }
  }

  async function read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = fresh();
    while (true) {
      const {value, done} = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = lineEnd(buffer)) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + (buffer[end] === '\r' && buffer[end + 1] === '\n' ? 2 : 1));
        if (line === '') {
          dispatch(event);
          event = fresh();
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const name = colon < 0 ? line : line.slice(0, colon);
          let fieldValue = colon < 0 ? '' : line.slice(colon + 1);
          if (fieldValue.startsWith(' ')) fieldValue = fieldValue.slice(1);
          if (name === 'event') event.type = fieldValue;
          else if (name === 'data') event.data.push(fieldValue);
          else if (name === 'id' && !fieldValue.includes('\0')) event.id = fieldValue;
          else if (name === 'retry' && /^\d+$/.test(fieldValue)) retryMs = Number(fieldValue);
        }
      }
    }
  }

  function fresh() {
    return {type: 'message', id: null, data: []};
  }

  function lineEnd(text) {
    const cr = text.indexOf('\r');
    const lf = text.indexOf('\n');
    if (cr < 0) return lf;
    if (lf < 0) return cr === text.length - 1 ? -1 : cr; // a lone CR at the end may be the start of CRLF
    return Math.min(cr, lf);
  }

  function dispatch(event) {
    if (event.id !== null) lastEventId = event.id;
    if (event.data.length === 0) return;
    let data;
    try {
      data = JSON.parse(event.data.join('\n'));
    } catch {
      return;
    }
    onEvent({type: event.type, id: event.id, data});
  }

  connect();
  return {
    stop() {
      stopped = true;
      controller.abort();
    }
  };
}
