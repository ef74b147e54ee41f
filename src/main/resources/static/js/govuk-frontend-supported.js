// Marks the page for GOV.UK Frontend before it is drawn (its styles for JavaScript-enhanced components key on these
// classes). A file rather than an inline script, so the Content-Security-Policy can refuse every inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
