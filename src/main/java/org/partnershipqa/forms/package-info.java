/**
 * Task forms: Camunda Form JSON (the files Camunda Modeler / form-js write) loaded at start-up, rendered
 * server-side with GOV.UK Frontend markup (no JavaScript) and validated on the server against the same schema.
 *
 * <p>API: {@link org.partnershipqa.forms.FormCatalog}, {@link org.partnershipqa.forms.FormValidator}, the model
 * records ({@link org.partnershipqa.forms.FormDefinition}, {@link org.partnershipqa.forms.FormField}) and the
 * Thymeleaf fragments in {@code templates/forms/fields.html}. Only a safe subset of form-js is supported; anything
 * else (unknown component types, FEEL expressions, dynamic options, conditional hiding) fails loudly at load time
 * rather than being silently dropped, because a dropped question would be an unanswered audit question.
 */
package org.partnershipqa.forms;
