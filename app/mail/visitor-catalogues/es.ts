import type { VisitorMailCatalogue } from '../visitor-catalogue'

// Spanish (Spain): usted-form, as B2B sites address visitors, «» quotes.
export const es: VisitorMailCatalogue = {
  mail: {
    confirmationSubject: 'Gracias: {form}',
    confirmationHeading: 'Gracias, hemos recibido sus datos',
    confirmationBody: 'Ha enviado el formulario «{form}». Nos pondremos en contacto con usted.',
    download: 'Descargar',
    downloadHint: 'El enlace de descarga es válido durante 7 días.',
    optInSubject: 'Confirme su suscripción',
    optInHeading: 'Confirme su suscripción',
    optInBody: 'Se ha suscrito a través de «{form}». Confirme su dirección de correo para empezar a recibir nuestros mensajes. Si no ha sido usted, ignore este correo y no le enviaremos nada más.',
    confirm: 'Confirmar mi dirección',
    footer: 'Recibe este correo porque esta dirección se introdujo en un formulario.',
    unsubscribe: 'Darse de baja',
  },
  pages: {
    confirmedTitle: 'Gracias, su dirección está confirmada',
    confirmedText: 'Su suscripción está activa. Puede cerrar esta página.',
    alreadyConfirmedTitle: 'Su dirección ya está confirmada',
    alreadyConfirmedText: 'No tiene que hacer nada más: su suscripción está activa. Puede cerrar esta página.',
    goneTitle: 'Esta suscripción ya no existe',
    goneText: 'Los datos asociados a este enlace se han eliminado. Si lo desea, puede suscribirse de nuevo.',
    invalidConfirmTitle: 'Este enlace de confirmación no es válido',
    invalidConfirmText: 'Compruebe que ha copiado el enlace completo del correo.',
    expiredTitle: 'Este enlace de confirmación ha caducado',
    expiredText: 'Los enlaces de confirmación son válidos durante 30 días. Suscríbase de nuevo para recibir uno nuevo.',
    unsubscribeTitle: 'Darse de baja',
    unsubscribeText: 'Dejar de recibir correos de este remitente en esta dirección.',
    unsubscribeButton: 'Darme de baja',
    invalidUnsubscribeTitle: 'Este enlace para darse de baja no es válido',
    invalidUnsubscribeText: 'Compruebe que ha copiado el enlace completo del correo.',
    unsubscribedTitle: 'Se ha dado de baja',
    unsubscribedText: 'Esta dirección ya no recibirá correos de los formularios de este remitente.',
  },
}
