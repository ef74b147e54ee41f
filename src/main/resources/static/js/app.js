// GOV.UK Frontend's components: among them the error summary, which takes the focus after a rejected submit
// (pages carry autofocus for browsers without JavaScript). Relative, so it works under any context path.
import { initAll } from '../webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js'

initAll()
