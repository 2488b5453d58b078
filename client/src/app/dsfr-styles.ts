/**
 * The DSFR stylesheets the app uses, not the whole dsfr.min.css: core (reset, typography, grid, spacing),
 * the colour utilities (fr-background-…), then the components in the order dsfr.css concatenates them
 * (later ones override earlier ones). A new DSFR component in the UI needs its line here.
 * The icons come from virtual:dsfr-icons.css, generated at build from the icon classes found in the sources.
 */
import '@codegouvfr/react-dsfr/dsfr/core/core.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/upload/upload.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/link/link.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/badge/badge.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/logo/logo.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/button/button.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/form/form.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/stepper/stepper.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/callout/callout.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/alert/alert.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/radio/radio.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/card/card.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/checkbox/checkbox.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/input/input.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/segmented/segmented.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/skiplink/skiplink.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/select/select.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/modal/modal.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/navigation/navigation.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/footer/footer.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/table/table.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/header/header.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/colors/colors.main.min.css';
import 'virtual:dsfr-icons.css';
