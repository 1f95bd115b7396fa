// jsdom does no layout, so it leaves out scrolling; every browser (and Chromium in the e2e
// tests) has it. Filling the gap with a no-op lets components call it as they would in the app.
if (typeof Element !== 'undefined' && typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = function scrollIntoView() {};
}
