/** For requests without parameters: any field is refused (forbidNonWhitelisted). */
export class EmptyDto {}
