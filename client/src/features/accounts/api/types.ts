import type { Schemas } from '../../../api/schemas';

export type Account = Schemas['UserView'];
export type AccountInput = Schemas['CreateUserDto'];
export type AccountChanges = Schemas['UpdateUserDto'];
export type PasswordLink = Schemas['PasswordTokenView'];
export type MyAccount = Schemas['MyAccountView'];
